package dev.daemonset.api.model;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.Map;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * {@code httpGet} of a probe or lifecycle handler.
 *
 * @param path the request path ("" before defaulting to {@code /})
 * @param port the port number or name, if written
 * @param host the host, "" if absent
 * @param scheme {@code HTTP} or {@code HTTPS}; "" before defaulting
 * @param other untyped fields (httpHeaders)
 * @since 0.2
 */
@API(status = STABLE, since = "0.2")
public record HttpGetAction(
    String path,
    @Nullable IntOrString port,
    String host,
    String scheme,
    Map<String, JsonValue> other) {
  public HttpGetAction {
    path = Copies.str(path, "path");
    host = Copies.str(host, "host");
    scheme = Copies.str(scheme, "scheme");
    other = Copies.other(other, "other");
  }
}
