package com.shop.support.web;

import com.shop.api.error.ErrorCode;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.servers.Server;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document of a service with a REST API: its title, version and description, and for each call
 * the errors its {@link ErrorResponses} names, grouped by status, each with an {@link ApiError} example.
 * Statuses and messages come from {@link ErrorCode}, so the document cannot drift from what is answered.
 */
public final class ApiDocs {

    static final String ERROR_SCHEMA = "ApiError";

    private ApiDocs() {
    }

    public static OpenAPI document(String application, String description) {
        return new OpenAPI()
                .info(new Info().title(application + " API").version(version()).description(description))
                // Relative: "try it out" calls whatever host, port or proxy served the page.
                .servers(List.of(new Server().url("/")))
                .components(new Components().addSchemas(ERROR_SCHEMA,
                        ModelConverters.getInstance().readAllAsResolvedSchema(ApiError.class).schema));
    }

    /** Adds a response per error status of the call's {@link ErrorResponses}, and 500 to every call. */
    public static OperationCustomizer errorResponses() {
        return (Operation operation, HandlerMethod handler) -> {
            Set<ErrorCode> codes = EnumSet.of(ErrorCode.INTERNAL_ERROR);
            ErrorResponses declared = handler.getMethodAnnotation(ErrorResponses.class);
            if (declared != null) {
                codes.addAll(List.of(declared.value()));
            }
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            Map<Integer, List<ErrorCode>> byStatus = codes.stream()
                    .collect(Collectors.groupingBy(ErrorCode::httpStatus, TreeMap::new, Collectors.toList()));
            byStatus.forEach((status, sameStatus) ->
                    operation.getResponses().addApiResponse(String.valueOf(status), response(status, sameStatus)));
            return operation;
        };
    }

    private static ApiResponse response(int status, List<ErrorCode> codes) {
        MediaType body = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA));
        codes.forEach(code -> body.addExamples(code.name(), new Example()
                .summary(code.defaultMessage())
                .value(new ApiError(code.name(), code.defaultMessage()))));
        ApiResponse response = new ApiResponse()
                .description(codes.stream().map(ErrorCode::name).collect(Collectors.joining(", ")))
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, body));
        if (status == 503) {
            response.addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before retrying").schema(new IntegerSchema()));
        }
        return response;
    }

    /** The build's version (support's filtered shop-build.properties; one version across the reactor). */
    static String version() {
        Properties build = new Properties();
        try (InputStream in = ApiDocs.class.getResourceAsStream("/shop-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return build.getProperty("shop.version", "unknown");
    }
}
