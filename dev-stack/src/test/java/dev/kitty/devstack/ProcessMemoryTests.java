package dev.kitty.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class ProcessMemoryTests {

    @Test
    void readsResidentMemoryInMegabytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000000 kB", "VmRSS:\t  314880 kB", "RssAnon:\t 1 kB");

        assertThat(ProcessMemory.residentMegabytes(status)).hasValue(308);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void readsTheMemoryOfALiveProcess() {
        assertThat(ProcessMemory.residentMegabytes(ProcessHandle.current().pid()).orElse(0)).isPositive();
    }

    @Test
    void reportsNothingForAProcessThatIsGone() {
        assertThat(ProcessMemory.residentMegabytes(Long.MAX_VALUE)).isEmpty();
    }

}
