package org.glossa.jobs.internal;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.glossa.shared.runtime.GlossaMisconfiguredException;
import org.jobrunr.dashboard.JobRunrApiHandler;
import org.jobrunr.dashboard.JobRunrSseHandler;
import org.jobrunr.dashboard.JobRunrStaticFileHandler;
import org.jobrunr.dashboard.server.HttpExchangeHandler;
import org.jobrunr.dashboard.server.http.RedirectHttpHandler;
import org.jobrunr.spring.autoconfigure.JobRunrProperties;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.utils.mapper.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * JobRunr's dashboard (its pages, API and live updates) for operators, when {@code glossa.jobs.dashboard.enabled=true}:
 * on the loopback interface only, reached through an SSH tunnel or a proxy of the operator's own on the same host, and
 * behind a user name and password (HTTP basic authentication) on every path. JobRunr's own dashboard
 * ({@code jobrunr.dashboard.*}) cannot be used for this: it always listens on every interface of the machine. So its
 * handlers are served here on a server bound to 127.0.0.1, the way JobRunr serves them.
 */
@Component
@ConditionalOnBooleanProperty("glossa.jobs.dashboard.enabled")
public class JobDashboard implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobDashboard.class);

    private final DashboardSettings settings;
    private final StorageProvider storage;
    private final JsonMapper json;
    private final boolean allowAnonymousDataUsage;

    private HttpServer server;
    private ExecutorService executor;
    private List<HttpExchangeHandler> handlers = List.of();

    JobDashboard(DashboardSettings settings, StorageProvider storage, JsonMapper json, JobRunrProperties jobrunr) {
        List<String> problems = new ArrayList<>();
        if (!StringUtils.hasText(settings.username())) {
            problems.add("glossa.jobs.dashboard.enabled=true needs glossa.jobs.dashboard.username "
                    + "(GLOSSA_JOBS_DASHBOARD_USERNAME): the dashboard is never served without credentials.");
        }
        if (!StringUtils.hasText(settings.password())) {
            problems.add("glossa.jobs.dashboard.enabled=true needs glossa.jobs.dashboard.password "
                    + "(GLOSSA_JOBS_DASHBOARD_PASSWORD): the dashboard is never served without credentials.");
        }
        if (!problems.isEmpty()) {
            throw new GlossaMisconfiguredException(problems);
        }
        this.settings = settings;
        this.storage = storage;
        this.json = json;
        this.allowAnonymousDataUsage = jobrunr.getMiscellaneous().isAllowAnonymousDataUsage();
    }

    /** Where the dashboard listens, while it runs. */
    public synchronized InetSocketAddress address() {
        if (server == null) {
            throw new IllegalStateException("The job dashboard is not running");
        }
        return server.getAddress();
    }

    @Override
    public synchronized void start() {
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port());
        try {
            server = HttpServer.create(loopback, 0);
        } catch (IOException e) {
            throw new IllegalStateException("The job dashboard cannot listen on " + loopback
                    + " (glossa.jobs.dashboard.port): " + e.getMessage(), e);
        }
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("job-dashboard-", 0).factory());
        server.setExecutor(executor);
        handlers = List.of(new RedirectHttpHandler("/", "/dashboard"), new JobRunrStaticFileHandler(),
                new JobRunrApiHandler(storage, json, allowAnonymousDataUsage), new JobRunrSseHandler(storage, json));
        Credentials credentials = new Credentials(settings.username(), settings.password());
        handlers.forEach(handler -> server.createContext(handler.getContextPath(), handler).setAuthenticator(credentials));
        server.start();
        log.info("JobRunr dashboard at http://{}:{}/dashboard (loopback only, user name and password required)",
                server.getAddress().getHostString(), server.getAddress().getPort());
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        handlers.forEach(HttpExchangeHandler::close); // ends the live-update streams, which would hold on otherwise
        server.stop(0);
        executor.shutdownNow();
        server = null;
        handlers = List.of();
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /** HTTP basic authentication against the configured pair; compared in constant time. */
    private static final class Credentials extends BasicAuthenticator {

        private final byte[] username;
        private final byte[] password;

        Credentials(String username, String password) {
            super("Glossa jobs", StandardCharsets.UTF_8);
            this.username = username.getBytes(StandardCharsets.UTF_8);
            this.password = password.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public boolean checkCredentials(String username, String password) {
            boolean user = MessageDigest.isEqual(this.username, username.getBytes(StandardCharsets.UTF_8));
            boolean pass = MessageDigest.isEqual(this.password, password.getBytes(StandardCharsets.UTF_8));
            return user & pass;
        }
    }
}
