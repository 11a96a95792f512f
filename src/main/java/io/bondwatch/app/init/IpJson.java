package io.bondwatch.app.init;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON array that {@code ip -j ...} prints. */
final class IpJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IpJson() {}

  /**
   * @param command what printed it, for the message ({@code ip -j route show default})
   * @throws IllegalArgumentException with a readable reason when the text is not a JSON array
   */
  static JsonNode array(String json, String command) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "'" + command + "' output is not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("'" + command + "' output is not a JSON array");
    }
    return root;
  }
}
