package org.glossa.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.glossa.shared.ProblemKind;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3.1 description: bearer security, and the problem responses every operation can give,
 * so clients see the one error schema everywhere.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String PROBLEM_SCHEMA = "Problem";

    @Bean
    OpenAPI glossaOpenApi() {
        Schema<?> violation = new Schema<>().type("object")
                .addProperty("field", new Schema<>().type("string"))
                .addProperty("message", new Schema<>().type("string"));
        Schema<?> problem = new Schema<>().type("object")
                .description("RFC 9457 problem detail. `type` is stable per kind of error.")
                .addProperty("type", new Schema<>().type("string").format("uri").example(ProblemKind.VALIDATION.type().toString()))
                .addProperty("title", new Schema<>().type("string"))
                .addProperty("status", new Schema<>().type("integer"))
                .addProperty("detail", new Schema<>().type("string"))
                .addProperty("instance", new Schema<>().type("string"))
                .addProperty("requestId", new Schema<>().type("string"))
                .addProperty("errors", new Schema<>().type("array").items(violation)
                        .description("The fields at fault, for validation problems"));
        return new OpenAPI()
                .info(new Info().title("Glossa API").version("v1")
                        .description("The backend of a language-learning app. Errors are application/problem+json.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSchemas(PROBLEM_SCHEMA, problem)
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")));
    }

    @Bean
    OperationCustomizer problemResponsesInOpenApi() {
        return (operation, handlerMethod) -> {
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            Map<String, String> common = new java.util.LinkedHashMap<>();
            common.put("400", "Invalid or malformed request; `errors` lists the fields at fault");
            if (secured) {
                common.put("401", "Missing, expired or invalid access token");
                common.put("403", "The caller's role does not allow this");
            }
            common.put("429", "Too many requests; see Retry-After");
            common.put("500", "Unexpected error; the body carries the request id");
            common.forEach((status, description) -> {
                if (!responses.containsKey(status)) {
                    responses.addApiResponse(status, problemResponse(description));
                }
            });
            operation.setResponses(responses);
            return operation;
        };
    }

    static ApiResponse problemResponse(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA))));
    }
}
