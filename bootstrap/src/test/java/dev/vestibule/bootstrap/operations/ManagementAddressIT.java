package dev.vestibule.bootstrap.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vestibule.bootstrap.support.ManagementPort;
import dev.vestibule.bootstrap.support.RunningVestibule;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * The management port's bind address (issue 13, finding 6: {@code management.server.address}, {@code
 * MANAGEMENT_ADDRESS}). Bound to 127.0.0.1, health and metrics answer there and the port is closed on every other
 * address of the machine: 127.0.0.2 stands for "another interface" (on Linux the whole 127/8 reaches this host, so
 * the test sends nothing off the machine), and the public port, bound to every address, answers on it.
 */
class ManagementAddressIT {

    @Test
    void boundToLoopbackTheManagementPortAnswersThereAndRefusesConnectionsOnAnotherAddress() throws IOException {
        try (RunningVestibule vestibule = RunningVestibule.start("--management.server.address=127.0.0.1")) {
            URI management = URI.create(vestibule.managementUrl());
            URI site = URI.create(vestibule.baseUrl());

            assertThat(new ManagementPort(vestibule.managementUrl()).liveness().status())
                    .isEqualTo(200);
            assertThatThrownBy(() -> connect("127.0.0.2", management.getPort())).isInstanceOf(ConnectException.class);
            // The same address reaches the public port: the refusal above is the bind address, not the test machine.
            connect("127.0.0.2", site.getPort());
        }
    }

    @Test
    void byDefaultTheManagementPortListensOnEveryAddress() throws IOException {
        // The kubelet's probes and Prometheus reach a pod on its own IP, not on its loopback.
        RunningVestibule vestibule = RunningVestibule.shared();
        connect("127.0.0.2", URI.create(vestibule.managementUrl()).getPort());
    }

    private static void connect(String address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5_000);
        }
    }
}
