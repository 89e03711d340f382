package com.shop.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The few Nacos open-API calls the stack and its tests make (v3 login, v1 config and naming). */
public final class NacosOpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String nacosUrl;
    private final String username;
    private final String password;

    public NacosOpenApi(String nacosUrl, String username, String password) {
        this.nacosUrl = nacosUrl;
        this.username = username;
        this.password = password;
    }

    public static NacosOpenApi of(StackSettings settings) {
        return new NacosOpenApi(settings.nacosUrl(), settings.nacosUser(), settings.nacosPassword());
    }

    public void publishConfig(String group, String dataId, String content) throws IOException {
        String type = dataId.endsWith(".yaml") || dataId.endsWith(".yml") ? "yaml"
                : dataId.endsWith(".properties") ? "properties" : "text";
        String form = "dataId=" + encode(dataId) + "&group=" + encode(group) + "&type=" + type
                + "&content=" + encode(content);
        Http.Response response = post("/v1/cs/configs?accessToken=" + encode(login()), form);
        if (response.status() != 200 || !response.body().contains("true")) {
            throw new IOException("Publishing " + group + "/" + dataId + " to Nacos failed: HTTP "
                    + response.status() + " " + response.body());
        }
    }

    /** The content Nacos serves now, or null if there is no such data id. */
    public String readConfig(String group, String dataId) throws IOException {
        Http.Response response = get("/v1/cs/configs?dataId=" + encode(dataId) + "&group=" + encode(group)
                + "&accessToken=" + encode(login()));
        return response.status() == 200 ? response.body() : null;
    }

    /** "ip:port" of every healthy instance registered under the service name. */
    public List<String> healthyInstances(String serviceName, String group) throws IOException {
        Http.Response response = get("/v1/ns/instance/list?serviceName=" + encode(serviceName)
                + "&groupName=" + encode(group) + "&healthyOnly=true&accessToken=" + encode(login()));
        List<String> instances = new ArrayList<>();
        if (response.status() != 200) {
            return instances;
        }
        for (JsonNode host : JSON.readTree(response.body()).path("hosts")) {
            instances.add(host.path("ip").asText() + ":" + host.path("port").asText());
        }
        return instances;
    }

    /** Every service name registered in the group (first 500). */
    public List<String> serviceNames(String group) throws IOException {
        Http.Response response = get("/v1/ns/service/list?pageNo=1&pageSize=500&groupName=" + encode(group)
                + "&accessToken=" + encode(login()));
        List<String> names = new ArrayList<>();
        for (JsonNode name : JSON.readTree(response.body()).path("doms")) {
            names.add(name.asText());
        }
        return names;
    }

    public String login() throws IOException {
        Http.Response response = post("/v3/auth/user/login",
                "username=" + encode(username) + "&password=" + encode(password));
        if (response.status() != 200) {
            throw new IOException("Nacos login as " + username + " failed: HTTP " + response.status()
                    + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        JsonNode token = body.has("accessToken") ? body.get("accessToken") : body.path("data").path("accessToken");
        if (token.isMissingNode() || token.asText().isEmpty()) {
            throw new IOException("Nacos login answered without a token: " + response.body());
        }
        return token.asText();
    }

    private Http.Response get(String path) {
        return Http.get(nacosUrl + path);
    }

    private Http.Response post(String path, String form) {
        return Http.post(nacosUrl + path, "application/x-www-form-urlencoded", form);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
