package com.shop.support;

import static com.shop.api.error.ErrorCode.GOODS_NO_EXIST;
import static com.shop.api.error.ErrorCode.GOODS_NUM_NOT_ENOUGH;
import static com.shop.api.error.ErrorCode.GOODS_PRICE_INVALID;
import static com.shop.api.error.ErrorCode.OVERLOADED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.shop.support.web.ErrorResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The API document support gives every service with a REST API, on a made-up controller; no stack needed. */
@WebMvcTest(properties = {"spring.application.name=goods-desk", "shop.api.description=Goods at the desk",
        "spring.cloud.nacos.config.import-check.enabled=false"})
@ContextConfiguration(classes = {ApiDocumentationTest.GoodsDesk.class, SupportAutoConfiguration.ApiDocumentation.class})
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class})
class ApiDocumentationTest {

    @RestController
    static class GoodsDesk {

        @Operation(summary = "Reserve goods")
        @ApiResponse(responseCode = "201", description = "Reserved")
        @ErrorResponses({GOODS_NO_EXIST, GOODS_PRICE_INVALID, GOODS_NUM_NOT_ENOUGH, OVERLOADED})
        @PostMapping("/goods/{goodsId}/reservations")
        ResponseEntity<String> reserve(@PathVariable long goodsId) {
            return ResponseEntity.status(201).body("reserved");
        }

        @Operation(summary = "Count goods")
        @GetMapping("/goods/count")
        long count() {
            return 0;
        }
    }

    @Autowired
    MockMvc mvc;

    JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        document = new ObjectMapper().readTree(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    @Test
    void namesTheServiceItsVersionAndDescriptionAndNoHost() {
        assertThat(document.at("/info/title").asText()).isEqualTo("goods-desk API");
        assertThat(document.at("/info/version").asText()).isNotBlank().isNotEqualTo("unknown").doesNotContain("${");
        assertThat(document.at("/info/description").asText()).isEqualTo("Goods at the desk");
        assertThat(document.at("/servers/0/url").asText()).isEqualTo("/");
    }

    @Test
    void listsEachDeclaredErrorUnderItsStatusWithAnExample() {
        JsonNode responses = document.at("/paths/~1goods~1{goodsId}~1reservations/post/responses");

        assertThat(responses.fieldNames()).toIterable().containsExactlyInAnyOrder("201", "404", "409", "500", "503");
        assertThat(examples(responses.path("409"))).containsEntry("GOODS_PRICE_INVALID",
                "The price differs from the current goods price").containsEntry("GOODS_NUM_NOT_ENOUGH", "Not enough stock");
        assertThat(examples(responses.path("404"))).containsOnlyKeys("GOODS_NO_EXIST");
        assertThat(responses.at("/503/headers/Retry-After")).isNotEmpty();
        assertThat(responses.at("/409/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/ApiError");
        assertThat(document.at("/components/schemas/ApiError/properties").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("code", "message");
    }

    @Test
    void listsInternalErrorOnEveryCall() {
        JsonNode responses = document.at("/paths/~1goods~1count/get/responses");

        assertThat(responses.fieldNames()).toIterable().containsExactlyInAnyOrder("200", "500");
        assertThat(examples(responses.path("500"))).containsOnlyKeys("INTERNAL_ERROR");
    }

    private static Map<String, String> examples(JsonNode response) {
        Map<String, String> messageByCode = new TreeMap<>();
        response.at("/content/application~1json/examples").fields().forEachRemaining(example ->
                messageByCode.put(example.getValue().at("/value/code").asText(), example.getValue().at("/value/message").asText()));
        return messageByCode;
    }
}
