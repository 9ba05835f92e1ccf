package dev.kitty.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.kitty.infra.EmbeddedKafkaBroker;
import dev.kitty.infra.Ports;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcpProxyIT {

    private ServerSocket echo;

    @BeforeEach
    void echoServer() throws IOException {
        this.echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!this.echo.isClosed()) {
                try {
                    Socket socket = this.echo.accept();
                    Thread.ofVirtual().start(() -> {
                        try (socket) {
                            socket.getInputStream().transferTo(socket.getOutputStream());
                        }
                        catch (IOException ignored) {
                            // the client went away
                        }
                    });
                }
                catch (IOException ignored) {
                    // closed
                }
            }
        });
    }

    @AfterEach
    void stopEcho() throws IOException {
        this.echo.close();
    }

    @Test
    void forwardsCutsAndHeals() throws IOException {
        try (TcpProxy proxy = TcpProxy.start("echo", 0, this.echo.getLocalPort())) {
            Socket before = connect(proxy);
            assertThat(roundTrip(before, "hello")).isEqualTo("hello");

            proxy.cut();
            // the open connection is dropped...
            assertThat(before.getInputStream().read()).isEqualTo(-1);
            // ...and a new one is accepted but never answered, like a pulled cable
            Socket during = connect(proxy);
            during.getOutputStream().write("anyone?".getBytes(StandardCharsets.UTF_8));
            assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(() -> during.getInputStream().read());

            proxy.heal();
            assertThat(during.getInputStream().read()).as("hanging connections are dropped on heal").isEqualTo(-1);
            assertThat(roundTrip(connect(proxy), "back")).isEqualTo("back");
        }
    }

    @Test
    void delayHoldsEveryByteInBothDirections() throws IOException {
        try (TcpProxy proxy = TcpProxy.start("echo", 0, this.echo.getLocalPort())) {
            Socket socket = connect(proxy);
            proxy.delay(Duration.ofMillis(300));
            long started = System.nanoTime();
            assertThat(roundTrip(socket, "slow")).isEqualTo("slow");
            // there and back: at least twice the delay
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
        }
    }

    /**
     * A broker listener advertised at the proxy's port: a client that bootstraps through the proxy also reaches the
     * broker through it afterwards, so cutting the proxy cuts that client, and only it.
     */
    @Test
    void aKafkaClientBehindTheProxyIsCutOffFromTheBroker(@TempDir Path directory) throws Exception {
        int brokerPort = Ports.freePort();
        int listenerPort = Ports.freePortOtherThan(brokerPort);
        int proxyPort = Ports.freePortOtherThan(brokerPort, listenerPort);
        try (TcpProxy proxy = TcpProxy.start("kafka", proxyPort, listenerPort);
                EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(directory, brokerPort, false,
                        List.of(new EmbeddedKafkaBroker.Listener("PROXIED", listenerPort, proxyPort)));
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + proxyPort,
                        ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000,
                        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6_000,
                        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                        ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("proxied", "k", "through the proxy")).get(30, TimeUnit.SECONDS);
            assertThat(proxy.connectionsAccepted()).as("bootstrap and the advertised broker address both go through the proxy")
                .isGreaterThanOrEqualTo(2);

            proxy.cut();
            assertThatExceptionOfType(ExecutionException.class).isThrownBy(
                    () -> producer.send(new ProducerRecord<>("proxied", "k", "cut off")).get(30, TimeUnit.SECONDS));

            proxy.heal();
            producer.send(new ProducerRecord<>("proxied", "k", "healed")).get(30, TimeUnit.SECONDS);
            assertThat(broker.bootstrapServers()).endsWith(":" + brokerPort);
        }
    }

    private static Socket connect(TcpProxy proxy) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(3_000);
        return socket;
    }

    private static String roundTrip(Socket socket, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        byte[] answer = in.readNBytes(bytes.length);
        return new String(answer, StandardCharsets.UTF_8);
    }

}
