package org.glossa.shared.web;

import java.io.IOException;

/** Raised while reading a request body that grows past the configured limit. */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("Request body exceeds " + limit + " bytes");
    }
}
