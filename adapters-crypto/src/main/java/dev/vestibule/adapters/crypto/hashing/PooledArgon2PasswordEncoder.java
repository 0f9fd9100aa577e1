package dev.vestibule.adapters.crypto.hashing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's {@link Argon2PasswordEncoder}, hash for hash (the same encoded form, each reads the
 * other's hashes), except that the Argon2 memory comes from one shared pool instead of being allocated anew.
 *
 * <p>Why it exists: Spring's encoder allocates the whole Argon2 memory (19 MiB: 19,456 blocks of 1 KiB) for
 * every hash and drops it afterwards. Under a login load that is about 19 MiB of garbage per login, still
 * reachable while the hash runs; with the heap of a 512 MiB container the young generation is smaller than
 * one hash, so every hash costs young collections that copy the live blocks of the hashes in flight. We
 * measured garbage collection at about two thirds of the hash itself (16 ms of GC CPU per 22 ms hash), on
 * the same cores as the hashes. Bouncy Castle lets the caller supply the block pool; Spring's encoder has
 * no hook for it, hence this class. Each hash borrows one {@link Argon2Arena} (a whole hash's memory) and
 * gives it back wiped; at most {@code pooledHashes} arenas are kept: as many hashes as can run at once, so
 * the memory is reused, never grows past what concurrent hashes need anyway, and stays allocated between
 * logins. A hash that finds no arena free (more hashes at once than expected) gets a new one, which is
 * kept if there is room afterwards and dropped otherwise.
 */
final class PooledArgon2PasswordEncoder implements PasswordEncoder {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    private final Argon2Parameters parameters;
    private final BlockingQueue<Argon2Arena> arenas;
    private final BytesKeyGenerator saltGenerator = KeyGenerators.secureRandom(SALT_BYTES);
    /** Only its parameter comparison is used (no hashing): it decides when a stored hash is outdated. */
    private final Argon2PasswordEncoder outdatedHashes;

    PooledArgon2PasswordEncoder(Argon2Parameters parameters, int pooledHashes) {
        if (pooledHashes < 1) {
            throw new IllegalArgumentException("the pool must hold at least one hash");
        }
        this.parameters = parameters;
        this.arenas = new ArrayBlockingQueue<>(pooledHashes);
        this.outdatedHashes = new Argon2PasswordEncoder(
                SALT_BYTES, HASH_BYTES, parameters.parallelism(), parameters.memoryKib(), parameters.iterations());
    }

    @Override
    public String encode(CharSequence rawPassword) {
        if (rawPassword == null) {
            return null;
        }
        Builder argon2 = new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(saltGenerator.generateKey())
                .withParallelism(parameters.parallelism())
                .withMemoryAsKB(parameters.memoryKib())
                .withIterations(parameters.iterations());
        return encoded(argon2.build(), derive(argon2, rawPassword, HASH_BYTES));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || encodedPassword.isEmpty()) {
            return false;
        }
        StoredHash stored = StoredHash.parse(encodedPassword);
        return MessageDigest.isEqual(stored.hash(), derive(stored.parameters(), rawPassword, stored.hash().length));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return outdatedHashes.upgradeEncoding(encodedPassword);
    }

    private byte[] derive(Builder argon2, CharSequence password, int length) {
        byte[] hash = new byte[length];
        Argon2Arena arena = arenas.poll();
        if (arena == null) {
            arena = new Argon2Arena();
        }
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(argon2.withBlockPool(arena).build());
            generator.generateBytes(password.toString().toCharArray(), hash);
        } finally {
            arena.wipe();
            arenas.offer(arena);
        }
        return hash;
    }

    /** How many hashes' memory is kept for the next hashes, for the specs. */
    int keptArenas() {
        return arenas.size();
    }

    /** The PHC string form Spring's encoder writes: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}. */
    private static String encoded(org.bouncycastle.crypto.params.Argon2Parameters argon2, byte[] hash) {
        return "$" + StoredHash.typeName(argon2.getType())
                + "$v=" + argon2.getVersion()
                + "$m=" + argon2.getMemory() + ",t=" + argon2.getIterations() + ",p=" + argon2.getLanes()
                + "$" + BASE64.encodeToString(argon2.getSalt())
                + "$" + BASE64.encodeToString(hash);
    }

    /** A stored hash read back; anything malformed is an {@link IllegalArgumentException}, as in Spring. */
    private record StoredHash(Builder parameters, byte[] hash) {

        static String typeName(int type) {
            return switch (type) {
                case org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_d -> "argon2d";
                case org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_i -> "argon2i";
                case org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id -> "argon2id";
                default -> throw new IllegalArgumentException("unknown Argon2 type");
            };
        }

        static StoredHash parse(String encoded) {
            String[] parts = encoded.split("\\$");
            if (parts.length < 4 || !parts[0].isEmpty()) {
                throw new IllegalArgumentException("not an Argon2 hash");
            }
            int index = 1;
            Builder builder = switch (parts[index++]) {
                case "argon2d" -> new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_d);
                case "argon2i" -> new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_i);
                case "argon2id" -> new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id);
                default -> throw new IllegalArgumentException("unknown Argon2 type");
            };
            try {
                if (parts[index].startsWith("v=")) {
                    builder.withVersion(Integer.parseInt(parts[index++].substring(2)));
                }
                if (parts.length != index + 3) {
                    throw new IllegalArgumentException("not an Argon2 hash");
                }
                String[] costs = parts[index++].split(",");
                if (costs.length != 3
                        || !costs[0].startsWith("m=")
                        || !costs[1].startsWith("t=")
                        || !costs[2].startsWith("p=")) {
                    throw new IllegalArgumentException("unreadable Argon2 cost");
                }
                builder.withMemoryAsKB(Integer.parseInt(costs[0].substring(2)))
                        .withIterations(Integer.parseInt(costs[1].substring(2)))
                        .withParallelism(Integer.parseInt(costs[2].substring(2)))
                        .withSalt(BASE64_DECODER.decode(parts[index++].getBytes(StandardCharsets.US_ASCII)));
                byte[] hash = BASE64_DECODER.decode(parts[index].getBytes(StandardCharsets.US_ASCII));
                return new StoredHash(builder, hash);
            } catch (NumberFormatException unreadable) {
                throw new IllegalArgumentException("unreadable Argon2 hash", unreadable);
            }
        }
    }
}
