package org.marketlake.cli.serve;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.marketlake.cli.options.CommonOptions;
import org.marketlake.web.ServeSettings;
import org.marketlake.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve a read-only web view of the lake and its JSON API (docs/SERVE.md) until Ctrl-C.",
                "Pages: the inventory, candlestick charts with volume, VWAP, quotes and forecasts, coverage per day, SQL.",
                "Binds to 127.0.0.1; another address needs --token, which every request must then carry."})
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0: any free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every interface, with --token).")
    InetAddress bind;

    @Option(names = "--token", paramLabel = "T",
            description = "Access token: requests need ?token=T or Authorization: Bearer T (required when --bind is not a loopback address).")
    String token;

    @Option(names = "--model", paramLabel = "DIR", description = "A Chronos-Bolt checkpoint folder to offer as forecast model chronos, beside the baselines.")
    Path model;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        WebServer server = WebServer.start(new ServeSettings(common.lake(), bind, port, token, model));
        Thread stop = new Thread(() -> {
            server.close();
            out.println("marketlake serve: stopped");
            out.flush();
        }, "marketlake-serve-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        out.println("Serving the lake at " + common.root().toAbsolutePath().normalize() + " on " + server.url());
        if (!bind.isLoopbackAddress()) {
            out.println("note: listening on " + bind.getHostAddress() + ": anyone who can reach this machine and has the token can read the lake");
        }
        out.println("Open it in a browser; Ctrl-C stops the server.");
        out.flush();
        server.awaitClose();
        return 0;
    }
}
