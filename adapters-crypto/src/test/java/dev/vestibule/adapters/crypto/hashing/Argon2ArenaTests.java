package dev.vestibule.adapters.crypto.hashing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2ArenaTests {

    private static final int MEMORY_KIB = 256;

    @Test
    void hashWhenArenaReusedThenSameResultAsFreshMemory() {
        Argon2Arena arena = new Argon2Arena();

        byte[] first = hash("first password", arena);
        arena.wipe();
        byte[] again = hash("first password", arena);
        arena.wipe();

        assertThat(again).isEqualTo(first).isEqualTo(hash("first password", null));
        assertThat(hash("second password", arena)).isNotEqualTo(first);
    }

    @Test
    void wipeWhenHashDoneThenNoBlockHoldsAnythingDerivedFromThePassword() throws ReflectiveOperationException {
        RecordingArena arena = new RecordingArena();

        hash("a password", arena);
        assertThat(arena.handedOut).as("the hash ran in the arena's memory").hasSizeGreaterThanOrEqualTo(MEMORY_KIB);
        assertThat(nonZeroBlocks(arena.handedOut)).isPositive();

        arena.wipe();

        assertThat(nonZeroBlocks(arena.handedOut)).isZero();
    }

    @Test
    void allocateWhenReusedThenNoNewBlocks() {
        Argon2Arena arena = new Argon2Arena();
        hash("a password", arena);
        arena.wipe();
        int blocks = arena.size();

        hash("another password", arena);

        assertThat(arena.size()).isEqualTo(blocks);
    }

    private static byte[] hash(String password, Argon2BytesGenerator.BlockPool pool) {
        Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt("sixteen byte salt".getBytes(StandardCharsets.US_ASCII))
                .withMemoryAsKB(MEMORY_KIB)
                .withIterations(2)
                .withParallelism(1);
        if (pool != null) {
            parameters.withBlockPool(pool);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters.build());
        byte[] hash = new byte[32];
        generator.generateBytes(password.toCharArray(), hash);
        return hash;
    }

    /** Bouncy Castle keeps a block's words private; the wipe is a security property, so the spec looks inside. */
    private static long nonZeroBlocks(List<Block> blocks) throws ReflectiveOperationException {
        Field words = Block.class.getDeclaredField("v");
        words.setAccessible(true);
        long nonZero = 0;
        for (Block block : blocks) {
            if (Arrays.stream((long[]) words.get(block)).anyMatch(word -> word != 0)) {
                nonZero++;
            }
        }
        return nonZero;
    }

    /** Remembers every block it hands out, so the spec can look at them after the wipe. */
    private static final class RecordingArena implements Argon2BytesGenerator.BlockPool {

        private final Argon2Arena arena = new Argon2Arena();
        private final List<Block> handedOut = new ArrayList<>();

        @Override
        public Block allocate() {
            Block block = arena.allocate();
            handedOut.add(block);
            return block;
        }

        @Override
        public void deallocate(Block block) {
            arena.deallocate(block);
        }

        void wipe() {
            arena.wipe();
        }
    }
}
