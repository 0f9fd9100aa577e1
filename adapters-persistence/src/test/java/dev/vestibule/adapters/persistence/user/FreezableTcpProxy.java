package dev.vestibule.adapters.persistence.user;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on the loopback interface that can go silent: while frozen it keeps every connection open
 * and accepts new ones, but passes no byte in either direction, as a network path that died without a
 * reset does. Thawed, it passes what it held and carries on. Plain threads: it is test plumbing.
 */
final class FreezableTcpProxy implements AutoCloseable {

    private final ServerSocket listening;
    private final InetSocketAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean frozen;
    private volatile boolean closed;

    private FreezableTcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "freezable-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static FreezableTcpProxy to(String host, int port) {
        try {
            return new FreezableTcpProxy(new InetSocketAddress(host, port));
        } catch (IOException failure) {
            throw new IllegalStateException("cannot open a loopback port for the proxy", failure);
        }
    }

    String host() {
        return listening.getInetAddress().getHostAddress();
    }

    int port() {
        return listening.getLocalPort();
    }

    void freeze() {
        frozen = true;
    }

    void thaw() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket();
                server.connect(target, 5_000);
                sockets.add(client);
                sockets.add(server);
                pump(client, server, "up");
                pump(server, client, "down");
            } catch (IOException failure) {
                if (!closed) {
                    System.err.println("[proxy] " + failure);
                }
            }
        }
    }

    private void pump(Socket from, Socket to, String direction) {
        Thread pump = new Thread(
                () -> {
                    byte[] buffer = new byte[16 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int read;
                        while ((read = in.read(buffer)) != -1) {
                            awaitThawed();
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException ended) {
                        // One side closed, or the proxy did: the other side goes too.
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "freezable-proxy-" + direction);
        pump.setDaemon(true);
        pump.start();
    }

    private void awaitThawed() throws InterruptedException {
        synchronized (gate) {
            while (frozen && !closed) {
                gate.wait();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thaw();
        closeQuietly(listening);
        sockets.forEach(FreezableTcpProxy::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Already closed.
        }
    }
}
