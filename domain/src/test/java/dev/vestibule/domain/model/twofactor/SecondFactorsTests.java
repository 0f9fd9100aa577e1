package dev.vestibule.domain.model.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecondFactorsTests {

    @Test
    void nothingSetUpNeedsNoSecondStep() {
        assertThat(SecondFactors.NONE.any()).isFalse();
    }

    @Test
    void anAppOrAPasskeyNeedsTheSecondStep() {
        assertThat(new SecondFactors(true, 10, 0).any()).isTrue();
        assertThat(new SecondFactors(false, 0, 1).any()).isTrue();
    }

    @Test
    void recoveryCodesAloneDoNotCountSinceTheyStandInForTheApp() {
        assertThat(new SecondFactors(false, 3, 0).any()).isFalse();
    }

    @Test
    void thePartsOfTwoStoresAddUp() {
        assertThat(new SecondFactors(true, 8, 0).plus(new SecondFactors(false, 0, 2)))
                .isEqualTo(new SecondFactors(true, 8, 2));
    }
}
