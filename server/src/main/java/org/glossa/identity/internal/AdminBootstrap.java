package org.glossa.identity.internal;

import java.util.EnumSet;
import org.glossa.identity.Role;
import org.glossa.shared.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Creates or promotes the first admin from {@code GLOSSA_ADMIN_EMAIL} and {@code GLOSSA_ADMIN_PASSWORD}. */
@Component
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminSettings settings;
    private final AccountService accounts;

    AdminBootstrap(AdminSettings settings, AccountService accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAdmin() {
        if (!StringUtils.hasText(settings.email())) {
            return;
        }
        var existing = accounts.findByEmail(settings.email());
        if (existing.isPresent()) {
            if (!existing.get().roles().contains(Role.ADMIN)) {
                EnumSet<Role> roles = EnumSet.copyOf(existing.get().roles());
                roles.add(Role.ADMIN);
                accounts.grant(existing.get().id(), existing.get().id(), roles);
                log.info("Promoted {} to ADMIN", existing.get().email());
            }
            return;
        }
        if (!StringUtils.hasText(settings.password())) {
            log.error("GLOSSA_ADMIN_EMAIL is set but GLOSSA_ADMIN_PASSWORD is not: no admin account was created");
            return;
        }
        try {
            accounts.create(settings.email(), settings.password(), "Admin", EnumSet.of(Role.ADMIN));
            log.info("Created the admin account {}", settings.email());
        } catch (ApiProblem e) {
            log.error("GLOSSA_ADMIN_PASSWORD does not satisfy the password rules ({}): no admin account was created",
                    e.violations());
        } catch (DataIntegrityViolationException e) {
            log.info("The admin account {} was created by another node", settings.email());
        }
    }
}
