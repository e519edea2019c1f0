package se.samband.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.handler.ssl.OpenSsl;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import se.samband.hub.system.HubProperties.TlsProvider;

/** AUTO takes BoringSSL where netty-tcnative loads (it ships for linux-x86_64), the JDK where it does not. */
class TlsProvidersTest {

    @Test
    void autoTakesBoringSslWhereItLoadsAndTheJdkOtherwise() {
        assertThat(TlsProviders.effective(TlsProvider.AUTO))
                .isEqualTo(OpenSsl.isAvailable() ? TlsProviders.OPENSSL : TlsProviders.JDK);
        assertThat(TlsProviders.effective(TlsProvider.JDK)).isEqualTo(TlsProviders.JDK);
        assertThat(TlsProviders.effective(TlsProvider.OPENSSL)).isEqualTo(TlsProviders.OPENSSL);
    }

    /** On the machines Samband runs on, a missing native library is a packaging fault, not a fallback to accept. */
    @Test
    void boringSslLoadsOnLinuxX8664() {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "not linux-x86_64");

        assertThat(OpenSsl.isAvailable()).as("netty-tcnative: %s", OpenSsl.unavailabilityCause()).isTrue();
    }
}
