package org.glossa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Glossa: the backend of a language-learning app, as one modular Spring Boot application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GlossaApplication {

    public static void main(String[] args) {
        SpringApplication.run(GlossaApplication.class, args);
    }
}
