package dev.kitty.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on 127.0.0.1 in front of one loopback server (a broker listener, a database), so that a fault test
 * can break one client's link to it and no one else's: {@link #cut()} drops every open connection and leaves new
 * ones hanging unanswered, as a pulled cable does; {@link #delay(Duration)} holds every byte for that long in each
 * direction; {@link #heal()} restores the link. Only loopback is ever involved: the proxy listens on 127.0.0.1 and
 * refuses any other target. Why a proxy and not network namespaces with tc netem: docs/adr/0022.
 */
public final class TcpProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TcpProxy.class);

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static final int CHUNK = 16 * 1024;

    private final String name;

    private final ServerSocket server;

    private final int targetPort;

    private final Set<Link> links = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean closed = new AtomicBoolean();

    private final AtomicLong accepted = new AtomicLong();

    private volatile boolean cut;

    private volatile long delayNanos;

    private TcpProxy(String name, ServerSocket server, int targetPort) {
        this.name = name;
        this.server = server;
        this.targetPort = targetPort;
    }

    /** A proxy on {@code listenPort} (0: a free one) forwarding to {@code 127.0.0.1:targetPort}. */
    public static TcpProxy start(String name, int listenPort, int targetPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(LOOPBACK, listenPort), 200);
            TcpProxy proxy = new TcpProxy(name, server, targetPort);
            Thread.ofVirtual().name("tcp-proxy-" + name).start(proxy::acceptLoop);
            log.info("Proxy {}: 127.0.0.1:{} -> 127.0.0.1:{}", name, server.getLocalPort(), targetPort);
            return proxy;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Proxy " + name + " could not listen on port " + listenPort, ex);
        }
    }

    public int port() {
        return this.server.getLocalPort();
    }

    public String name() {
        return this.name;
    }

    /** Connections accepted so far: proof that a client really goes through the proxy. */
    public long connectionsAccepted() {
        return this.accepted.get();
    }

    /** Drops every open connection; new ones are accepted but never answered until {@link #heal()}. */
    public void cut() {
        this.cut = true;
        this.links.forEach(Link::close);
        log.info("Proxy {}: cut", this.name);
    }

    /** Holds every chunk of bytes this long before passing it on, in both directions. */
    public void delay(Duration delay) {
        this.delayNanos = delay.toNanos();
        log.info("Proxy {}: delaying by {} ms", this.name, delay.toMillis());
    }

    /** Passes bytes at once again, and answers new connections; the ones left hanging while cut are dropped. */
    public void heal() {
        this.delayNanos = 0;
        this.cut = false;
        this.links.stream().filter(Link::hanging).forEach(Link::close);
        log.info("Proxy {}: healed", this.name);
    }

    public boolean isCut() {
        return this.cut;
    }

    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            try {
                this.server.close();
            }
            catch (IOException ex) {
                log.debug("Proxy {}: {}", this.name, ex.toString());
            }
            this.links.forEach(Link::close);
        }
    }

    private void acceptLoop() {
        while (!this.closed.get()) {
            try {
                Socket client = this.server.accept();
                this.accepted.incrementAndGet();
                Thread.ofVirtual().start(() -> open(client));
            }
            catch (IOException ex) {
                if (!this.closed.get()) {
                    log.warn("Proxy {}: accept failed: {}", this.name, ex.toString());
                }
            }
        }
    }

    private void open(Socket client) {
        if (this.cut) {
            // a pulled cable: the connection is neither answered nor refused; the client's own timeout must act
            Link hanging = new Link(client, null);
            this.links.add(hanging);
            return;
        }
        Socket upstream;
        try {
            upstream = new Socket(LOOPBACK, this.targetPort);
            upstream.setTcpNoDelay(true);
            client.setTcpNoDelay(true);
        }
        catch (IOException ex) {
            closeQuietly(client);
            return;
        }
        Link link = new Link(client, upstream);
        this.links.add(link);
        Thread.ofVirtual().start(() -> pump(link, client, upstream));
        Thread.ofVirtual().start(() -> pump(link, upstream, client));
    }

    /**
     * Copies one direction. With a delay, a reader queues each chunk with the moment it may leave and this thread's
     * twin writes it then, so a delay adds latency without limiting throughput.
     */
    private void pump(Link link, Socket from, Socket to) {
        LinkedBlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread writer = Thread.ofVirtual().start(() -> drain(link, queue, to));
        try (InputStream in = from.getInputStream()) {
            byte[] buffer = new byte[CHUNK];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (this.cut) {
                    break;
                }
                queue.put(new Chunk(Arrays.copyOf(buffer, read), System.nanoTime() + this.delayNanos));
            }
        }
        catch (IOException | InterruptedException ex) {
            // the link was cut or closed by either side
        }
        finally {
            queue.offer(Chunk.END);
            try {
                writer.join(Duration.ofSeconds(5));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            link.close();
        }
    }

    private void drain(Link link, LinkedBlockingQueue<Chunk> queue, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk chunk = queue.take();
                if (chunk == Chunk.END || this.cut) {
                    return;
                }
                long wait = chunk.due() - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(Duration.ofNanos(wait));
                }
                out.write(chunk.bytes());
                out.flush();
            }
        }
        catch (IOException | InterruptedException ex) {
            link.close();
        }
    }

    private record Chunk(byte[] bytes, long due) {

        static final Chunk END = new Chunk(new byte[0], 0);

    }

    private final class Link {

        private final Socket client;

        private final Socket upstream;

        Link(Socket client, Socket upstream) {
            this.client = client;
            this.upstream = upstream;
        }

        boolean hanging() {
            return this.upstream == null;
        }

        void close() {
            closeQuietly(this.client);
            if (this.upstream != null) {
                closeQuietly(this.upstream);
            }
            TcpProxy.this.links.remove(this);
        }

    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        }
        catch (IOException ex) {
            if (!(ex instanceof SocketException)) {
                log.debug("close: {}", ex.toString());
            }
        }
    }

}
