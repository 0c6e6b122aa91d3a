package org.glossa.identity.internal;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSender;

import static org.assertj.core.api.Assertions.assertThat;

/** Without SMTP: embedded mode logs the e-mail so the flow can be tried; other modes never log the token. */
@ExtendWith(OutputCaptureExtension.class)
class ResetMailTests {

    private final IdentitySettings settings = new IdentitySettings(Duration.ofMinutes(15), Duration.ofDays(30),
            Duration.ofMinutes(30), 5, 20, Duration.ofMinutes(15), "Glossa <no-reply@glossa.local>",
            "https://app.example/reset?token={token}");
    private final ResetMail.Message message = new ResetMail.Message("ana@example.org", "Ana", "the-secret-token-123",
            Instant.parse("2026-11-22T10:30:00Z"));

    @Test
    void embeddedModeLogsTheMessageWithItsLink(CapturedOutput output) {
        new ResetMail(noSmtp(), settings, "embedded").send(message);

        assertThat(output).contains("ana@example.org").contains("the-secret-token-123")
                .contains("https://app.example/reset?token=the-secret-token-123");
    }

    @Test
    void otherModesNeverLogTheToken(CapturedOutput output) {
        new ResetMail(noSmtp(), settings, "production").send(message);

        assertThat(output).contains("No SMTP server is configured").doesNotContain("the-secret-token-123");
    }

    private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> noSmtp() {
        return new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
    }
}
