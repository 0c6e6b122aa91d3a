package org.glossa.jobs.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * JobRunr's dashboard as Glossa serves it ({@code glossa.jobs.dashboard.*}); see {@link JobDashboard}.
 *
 * @param enabled whether this node serves the dashboard (off by default)
 * @param port its port on the loopback interface (0: any free port)
 * @param username the user name it asks for; required when enabled
 * @param password the password it asks for; required when enabled
 */
@ConfigurationProperties("glossa.jobs.dashboard")
public record DashboardSettings(boolean enabled, @DefaultValue("8000") int port, String username, String password) {

    @Override
    public String toString() {
        return "DashboardSettings[enabled=" + enabled + ", port=" + port + ", username=" + username + ", password=***]";
    }
}
