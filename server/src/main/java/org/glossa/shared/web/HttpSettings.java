package org.glossa.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP limits ({@code glossa.http.*}).
 *
 * @param maxJsonBody the largest JSON request body accepted; larger bodies get a 413 problem
 */
@ConfigurationProperties("glossa.http")
public record HttpSettings(@DefaultValue("1MB") DataSize maxJsonBody) {
}
