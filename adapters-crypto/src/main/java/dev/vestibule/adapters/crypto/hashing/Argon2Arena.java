package dev.vestibule.adapters.crypto.hashing;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;

/**
 * The memory of one Argon2 hash, kept for the next one: a block pool that belongs to one hash at a time, so
 * handing out a block takes no lock and the blocks of a hash stay together.
 *
 * <p>Why not Bouncy Castle's {@link Argon2BytesGenerator.FixedBlockPool}: it is shared by every hash in flight,
 * so two hashing threads contend for its lock once per 1 KiB block (about 39,000 times per hash), interleave
 * their blocks, and it wipes every block twice (when handed out and when returned). With two hashing threads
 * it ran 34 hashes/s where these arenas ran 43–49 on the same machine (each alone: 22–27).
 *
 * <p>Blocks are wiped once, by {@link #wipe()} after the hash: what they hold is derived from the password
 * and must not outlive the hash in a long-lived heap. The generator's own {@code deallocate} calls therefore
 * do nothing. Not thread-safe: one hash uses it at a time.
 */
final class Argon2Arena implements Argon2BytesGenerator.BlockPool {

    private final List<Block> blocks = new ArrayList<>();
    private int handedOut;

    @Override
    public Block allocate() {
        if (handedOut == blocks.size()) {
            blocks.add(new Block());
        }
        return blocks.get(handedOut++);
    }

    @Override
    public void deallocate(Block block) {
        // Wiped all at once in wipe(), after the hash.
    }

    /** Zeroes every block the last hash used and takes them all back. */
    void wipe() {
        for (int i = 0; i < handedOut; i++) {
            blocks.get(i).clear();
        }
        handedOut = 0;
    }

    /** The blocks this arena holds, for the specs. */
    int size() {
        return blocks.size();
    }
}
