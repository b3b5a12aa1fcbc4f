package nl.vsopro.opensearch;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch cluster on 127.0.0.1 with the modules the project needs (the Netty 4
 * transports, common analysis, Painless) loaded from the class path instead of a distribution's
 * modules directory.
 *
 * <p>System properties: {@code opensearch.path.home} (data and logs go below it) and
 * {@code opensearch.path.conf} (holds log4j2.properties). Arguments {@code key=value} override
 * settings, like the distribution's {@code -E}.
 */
public final class LocalNode extends Node {

    private LocalNode(Environment environment) {
        super(environment, List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, PainlessPlugin.class), true);
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("opensearch.path.home", "var/opensearch")).toAbsolutePath().normalize();
        Path conf = Path.of(System.getProperty("opensearch.path.conf", "opensearch/config")).toAbsolutePath().normalize();

        Settings.Builder settings = Settings.builder()
            .put("cluster.name", "vsopro")
            .put("node.name", "local")
            .put("discovery.type", "single-node")
            .put("network.host", "127.0.0.1")
            .put("http.port", 9200)
            .put("http.type", Netty4Plugin.NETTY_HTTP_TRANSPORT_NAME)
            .put("transport.type", Netty4Plugin.NETTY_TRANSPORT_NAME)
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString());
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected key=value, got [" + arg + "]");
            }
            settings.put(arg.substring(0, eq), arg.substring(eq + 1));
        }

        Environment environment = new Environment(settings.build(), conf);
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings()));
        LogConfigurator.configure(environment);
        Logger logger = LogManager.getLogger(LocalNode.class);

        Node node = new LocalNode(environment);
        // The node's threads are all daemons: without this the JVM would exit as soon as main returns.
        CountDownLatch keepAlive = new CountDownLatch(1);
        // SIGTERM/SIGINT. Log4j's own shutdown hook is off (-Dlog4j.shutdownHookEnabled=false) so that
        // closing the node is still logged; logging is shut down here, last.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                if (!node.awaitClose(10, TimeUnit.SECONDS)) {
                    logger.warn("node did not stop within 10 seconds");
                }
            } catch (Exception e) {
                logger.error("failed to stop the node", e);
            } finally {
                Configurator.shutdown((LoggerContext) LogManager.getContext(false));
                keepAlive.countDown();
            }
        }, "local-node-shutdown"));
        try {
            node.start();
        } catch (Exception e) {
            // Exit rather than leave a half-started node behind (the shutdown hook closes it).
            logger.error("failed to start the node", e);
            System.exit(1);
        }
        keepAlive.await();
    }
}
