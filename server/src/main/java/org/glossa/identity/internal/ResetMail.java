package org.glossa.identity.internal;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the password-reset e-mail over SMTP ({@code spring.mail.*}). Without SMTP the embedded
 * default logs the message instead, so the flow can be tried; other modes log only that no e-mail
 * could be sent, never the token.
 */
@Component
class ResetMail {

    private static final Logger log = LoggerFactory.getLogger(ResetMail.class);

    record Message(String to, String displayName, String token, Instant expiresAt) {
    }

    private final ObjectProvider<JavaMailSender> sender;
    private final IdentitySettings settings;
    private final boolean embedded;

    ResetMail(ObjectProvider<JavaMailSender> sender, IdentitySettings settings, @Value("${glossa.mode}") String mode) {
        this.sender = sender;
        this.settings = settings;
        this.embedded = "embedded".equals(mode);
    }

    void send(Message message) {
        String body = body(message);
        JavaMailSender smtp = sender.getIfAvailable();
        if (smtp == null) {
            if (embedded) {
                log.warn("No SMTP server is configured (spring.mail.host); the password-reset e-mail to {} "
                        + "would have said:\n{}", message.to(), body);
            } else {
                log.error("No SMTP server is configured (spring.mail.host): could not send a password-reset e-mail");
            }
            return;
        }
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(settings.mailFrom());
        mail.setTo(message.to());
        mail.setSubject("Reset your Glossa password");
        mail.setText(body);
        try {
            smtp.send(mail);
        } catch (MailException e) {
            log.error("Could not send a password-reset e-mail: {}", e.getMessage());
        }
    }

    private String body(Message message) {
        String link = settings.passwordResetLink().isBlank() ? ""
                : "\n\nOr open: " + settings.passwordResetLink().replace("{token}", message.token());
        return "Hello " + message.displayName() + ",\n\n"
                + "someone asked to reset the password of your Glossa account. If it was you, use this code "
                + "before " + message.expiresAt() + ":\n\n    " + message.token() + link
                + "\n\nIf it was not you, ignore this e-mail; your password stays as it is.\n";
    }
}
