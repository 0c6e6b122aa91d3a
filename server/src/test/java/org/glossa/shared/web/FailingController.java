package org.glossa.shared.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint that fails the way a bug would, to check what the client and the log see. */
@RestController
class FailingController {

    @GetMapping("/api/v1/test-only/failure")
    String fail() {
        throw new IllegalStateException("select secret_column from private_table where password = 'hunter2'");
    }
}
