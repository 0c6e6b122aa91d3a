package org.glossa.identity;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glossa.GlossaIntegrationTest;
import org.glossa.TestApi;
import org.glossa.TestApi.Learner;
import org.glossa.shared.time.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Password reset over real SMTP (GreenMail on a free port the test hands to the mail settings). */
@GlossaIntegrationTest
class PasswordResetIntegrationTests {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

    /** A port of its own, so that test runs side by side on one machine do not fight over SMTP. */
    @DynamicPropertySource
    static void mailPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("^\\s{4}(\\S{20,})\\s*$", Pattern.MULTILINE);

    @Autowired
    MockMvcTester mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    TestClock clock;

    TestApi api;

    @BeforeEach
    void setUp() {
        api = new TestApi(mvc, json);
    }

    @Test
    void theEmailedTokenSetsANewPasswordOnceAndEndsAllSessions() {
        Learner ana = api.register("ana");

        assertThat(api.post("/api/v1/auth/password-reset", Map.of("email", ana.email().toUpperCase()))).hasStatus(202);
        String token = tokenMailedTo(ana.email());

        assertThat(api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "newPassword", "short")))
                .hasStatus(400);
        assertThat(api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token,
                "newPassword", "my new reset password"))).hasStatus(204);

        assertThat(api.get("/api/v1/me", ana.accessToken())).hasStatus(401);
        api.login(ana.email(), "my new reset password");
        MvcTestResult again = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token,
                "newPassword", "yet another password"));
        assertThat(again).hasStatus(400);
        assertThat(api.json(again).get("errors").get(0).get("field").asString()).isEqualTo("token");
    }

    @Test
    void unknownAddressesGetTheSameAnswerAndNoMail() {
        MvcTestResult result = api.post("/api/v1/auth/password-reset", Map.of("email", TestApi.uniqueEmail("ghost")));

        assertThat(result).hasStatus(202);
        assertThat(TestApi.body(result)).isEmpty();
    }

    @Test
    void tokensExpire() {
        Learner ana = api.register("ana");
        api.post("/api/v1/auth/password-reset", Map.of("email", ana.email()));
        String token = tokenMailedTo(ana.email());

        clock.advance(Duration.ofMinutes(31));

        assertThat(api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token,
                "newPassword", "too late a password"))).hasStatus(400);
    }

    private static String recipients(MimeMessage message) {
        try {
            return GreenMailUtil.getAddressList(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String tokenMailedTo(String email) {
        MimeMessage mail = await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(email))
                .findFirst().orElse(null), m -> m != null);
        Matcher matcher = TOKEN.matcher(GreenMailUtil.getBody(mail));
        assertThat(matcher.find()).as("the mail carries a token").isTrue();
        return matcher.group(1);
    }
}
