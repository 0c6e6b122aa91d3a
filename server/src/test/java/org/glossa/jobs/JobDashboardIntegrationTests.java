package org.glossa.jobs;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.glossa.GlossaApplication;
import org.glossa.GlossaIntegrationTest;
import org.glossa.jobs.internal.JobDashboard;
import org.glossa.shared.jobs.TrackedJobs;
import org.glossa.shared.runtime.GlossaMisconfiguredException;
import org.jobrunr.dashboard.JobRunrDashboardWebServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * JobRunr's dashboard switched on as an operator does it: on the loopback interface only, and only with the configured
 * user name and password; switched on without them, Glossa does not start.
 */
@GlossaIntegrationTest
@TestPropertySource(properties = {"glossa.jobs.dashboard.enabled=true", "glossa.jobs.dashboard.port=0",
        "glossa.jobs.dashboard.username=" + JobDashboardIntegrationTests.USERNAME,
        "glossa.jobs.dashboard.password=" + JobDashboardIntegrationTests.PASSWORD})
class JobDashboardIntegrationTests {

    static final String USERNAME = "operator";
    static final String PASSWORD = "dashboard-password-for-tests";

    @Autowired
    JobDashboard dashboard;
    @Autowired
    TrackedJobs jobs;
    @Autowired
    SampleJobs sample;
    @Autowired
    ApplicationContext context;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void refusesEveryPathWithoutTheRightCredentials() throws Exception {
        for (String path : List.of("/", "/dashboard", "/dashboard/jobs", "/api/jobs?state=ENQUEUED", "/api/servers",
                "/sse/jobstats")) {
            assertThat(get(path, null).statusCode()).as("%s without credentials", path).isEqualTo(401);
            assertThat(get(path, USERNAME + ":wrong-password").statusCode()).as("%s with a wrong password", path)
                    .isEqualTo(401);
            assertThat(get(path, "someone:" + PASSWORD).statusCode()).as("%s with a wrong user name", path)
                    .isEqualTo(401);
        }
        HttpResponse<String> challenge = get("/dashboard", null);
        assertThat(challenge.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void showsJobRunrsPagesAndJobsWithThem() throws Exception {
        UUID id = jobs.enqueue(UUID.randomUUID(), "sample-import", null, () -> sample.importLines(3, 0));

        HttpResponse<String> page = get("/dashboard", USERNAME + ":" + PASSWORD);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html").contains("JobRunr");

        HttpResponse<String> job = get("/api/jobs/" + id, USERNAME + ":" + PASSWORD);
        assertThat(job.statusCode()).isEqualTo(200);
        assertThat(job.body()).contains(id.toString()).contains("Sample import");

        // The stock JobRunr dashboard, which would listen on every interface, is still not started.
        assertThat(context.getBeanNamesForType(JobRunrDashboardWebServer.class)).isEmpty();
    }

    @Test
    void listensOnTheLoopbackInterfaceOnly() throws Exception {
        int port = dashboard.address().getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port)); // the port is right: it answers on loopback
        }

        List<InetAddress> others = nonLoopbackAddresses();
        if (others.isEmpty()) {
            System.err.println("SKIPPED JobDashboardIntegrationTests.listensOnTheLoopbackInterfaceOnly (other "
                    + "interfaces): this machine has no address but the loopback one");
        }
        Assumptions.assumeFalse(others.isEmpty(), "This machine has no address but the loopback one");
        for (InetAddress other : others) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(other, port));
                fail("The dashboard answered on " + other + ":" + port);
            } catch (ConnectException expected) {
                // refused: nothing listens there
            }
        }
    }

    @Test
    void glossaDoesNotStartWithTheDashboardOnAndNoPassword() {
        // As command-line arguments: default properties would lose to application.yaml's enabled: false.
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(GlossaApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.main.banner-mode=off", "--glossa.jobs.dashboard.enabled=true",
                        "--glossa.jobs.dashboard.port=0", "--glossa.jobs.dashboard.username=" + USERNAME)
                .close());

        assertThat(failure).hasRootCauseInstanceOf(GlossaMisconfiguredException.class);
        assertThat(rootCause(failure).getMessage()).contains("glossa.jobs.dashboard.password")
                .doesNotContain("glossa.jobs.dashboard.username");
    }

    private HttpResponse<String> get(String path, String credentials) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + dashboard.address().getPort() + path));
        if (credentials != null) {
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<InetAddress> nonLoopbackAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(JobDashboardIntegrationTests::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> !a.isLoopbackAddress() && !(a instanceof Inet6Address && a.isLinkLocalAddress()))
                .toList();
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
