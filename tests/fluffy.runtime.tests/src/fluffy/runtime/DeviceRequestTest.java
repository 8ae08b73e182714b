package fluffy.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceRequestTest {

    @ParameterizedTest
    @CsvSource({"auto,auto", "AUTO,auto", " cpu ,cpu", "cuda,cuda:0", "gpu,cuda:0", "cuda:0,cuda:0", "CUDA:3,cuda:3"})
    void parsesEveryAcceptedForm(String text, String canonical) {
        assertEquals(canonical, DeviceRequest.parse(text).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tpu", "cuda:", "cuda:-1", "cuda:x", "cuda:99999999999", "cpu:0"})
    void rejectsEverythingElseWithTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceRequest.parse(text));
        assertTrue(e.getMessage().contains("auto, cpu, cuda or cuda:N"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + text + "'"), "names what was given: " + e.getMessage());
    }
}
