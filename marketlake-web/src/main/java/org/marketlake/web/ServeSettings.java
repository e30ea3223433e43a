package org.marketlake.web;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.marketlake.core.error.InvalidRequestException;
import org.marketlake.core.store.Lake;

/**
 * What {@code marketlake serve} serves and where: the lake, the address and port to bind (port 0: any free one), the
 * access token (null: none, allowed only on a loopback address) and a Chronos-Bolt checkpoint folder to offer as a
 * forecast model (null: the baselines only).
 */
public record ServeSettings(Lake lake, InetAddress bind, int port, String token, Path model) {
    public ServeSettings {
        if (lake == null || bind == null) {
            throw new IllegalArgumentException("serving needs a lake and an address");
        }
        if (port < 0 || port > 65_535) {
            throw new InvalidRequestException("port must be between 0 and 65535 [value=" + port + "]").about("port");
        }
        token = token == null || token.isBlank() ? null : token;
        if (token != null && !token.matches("[!#-+\\--:<-\\[\\]-~]{1,256}")) {
            throw new InvalidRequestException("a token is 1 to 256 printable ASCII characters without spaces, quotes, commas, semicolons"
                    + " or backslashes (it travels in URLs, headers and a cookie)").about("token");
        }
        if (token == null && !bind.isLoopbackAddress()) {
            throw new InvalidRequestException("binding to " + bind.getHostAddress() + " lets other machines read the lake: give an access token,"
                    + " or bind to 127.0.0.1").about("token");
        }
        if (model != null && !Files.isDirectory(model)) {
            throw new InvalidRequestException("no Chronos-Bolt checkpoint folder at " + model + " (config.json + model.safetensors)").about("model");
        }
    }
}
