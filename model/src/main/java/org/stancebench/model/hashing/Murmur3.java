package org.stancebench.model.hashing;

/**
 * MurmurHash3 (Austin Appleby, public domain) over byte ranges: the stable hash behind every n-gram
 * fingerprint.
 *
 * <p>Guarantees: the result depends only on the bytes, the length and the seed, never on the JVM,
 * platform or {@link String#hashCode()}; {@link #hash64} is the first 64-bit half ({@code h1}) of
 * MurmurHash3_x64_128, the same value as Guava's {@code Hashing.murmur3_128(seed)} read as a
 * little-endian long.
 */
public final class Murmur3 {
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;

    private Murmur3() {
    }

    /** The first 64 bits ({@code h1}) of MurmurHash3_x64_128 of {@code data[off, off+len)}. */
    public static long hash64(byte[] data, int off, int len, int seed) {
        long h1 = seed & 0xffffffffL;
        long h2 = h1;
        int nblocks = len >>> 4;
        for (int i = 0; i < nblocks; i++) {
            int p = off + (i << 4);
            long k1 = getLongLe(data, p);
            long k2 = getLongLe(data, p + 8);
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int t = off + (nblocks << 4);
        long k1 = 0;
        long k2 = 0;
        switch (len & 15) {
            case 15: k2 ^= (long) (data[t + 14] & 0xff) << 48; // fall through
            case 14: k2 ^= (long) (data[t + 13] & 0xff) << 40; // fall through
            case 13: k2 ^= (long) (data[t + 12] & 0xff) << 32; // fall through
            case 12: k2 ^= (long) (data[t + 11] & 0xff) << 24; // fall through
            case 11: k2 ^= (long) (data[t + 10] & 0xff) << 16; // fall through
            case 10: k2 ^= (long) (data[t + 9] & 0xff) << 8; // fall through
            case 9:
                k2 ^= data[t + 8] & 0xff;
                k2 *= C2;
                k2 = Long.rotateLeft(k2, 33);
                k2 *= C1;
                h2 ^= k2;
                // fall through
            case 8: k1 ^= (long) (data[t + 7] & 0xff) << 56; // fall through
            case 7: k1 ^= (long) (data[t + 6] & 0xff) << 48; // fall through
            case 6: k1 ^= (long) (data[t + 5] & 0xff) << 40; // fall through
            case 5: k1 ^= (long) (data[t + 4] & 0xff) << 32; // fall through
            case 4: k1 ^= (long) (data[t + 3] & 0xff) << 24; // fall through
            case 3: k1 ^= (long) (data[t + 2] & 0xff) << 16; // fall through
            case 2: k1 ^= (long) (data[t + 1] & 0xff) << 8; // fall through
            case 1:
                k1 ^= data[t] & 0xff;
                k1 *= C1;
                k1 = Long.rotateLeft(k1, 31);
                k1 *= C2;
                h1 ^= k1;
                break;
            default:
                break;
        }
        h1 ^= len;
        h2 ^= len;
        h1 += h2;
        h2 += h1;
        h1 = fmix64(h1);
        h2 = fmix64(h2);
        h1 += h2;
        return h1;
    }

    /** MurmurHash3_x86_32 of {@code data[off, off+len)}: scikit-learn's {@code murmurhash3_32}. */
    public static int hash32(byte[] data, int off, int len, int seed) {
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int h1 = seed;
        int nblocks = len >>> 2;
        for (int i = 0; i < nblocks; i++) {
            int p = off + (i << 2);
            int k1 = (data[p] & 0xff) | (data[p + 1] & 0xff) << 8 | (data[p + 2] & 0xff) << 16
                    | (data[p + 3] & 0xff) << 24;
            k1 *= c1;
            k1 = Integer.rotateLeft(k1, 15);
            k1 *= c2;
            h1 ^= k1;
            h1 = Integer.rotateLeft(h1, 13);
            h1 = h1 * 5 + 0xe6546b64;
        }
        int t = off + (nblocks << 2);
        int k1 = 0;
        switch (len & 3) {
            case 3: k1 ^= (data[t + 2] & 0xff) << 16; // fall through
            case 2: k1 ^= (data[t + 1] & 0xff) << 8; // fall through
            case 1:
                k1 ^= data[t] & 0xff;
                k1 *= c1;
                k1 = Integer.rotateLeft(k1, 15);
                k1 *= c2;
                h1 ^= k1;
                break;
            default:
                break;
        }
        h1 ^= len;
        h1 ^= h1 >>> 16;
        h1 *= 0x85ebca6b;
        h1 ^= h1 >>> 13;
        h1 *= 0xc2b2ae35;
        h1 ^= h1 >>> 16;
        return h1;
    }

    private static long getLongLe(byte[] b, int p) {
        return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16
                | (b[p + 3] & 0xffL) << 24 | (b[p + 4] & 0xffL) << 32 | (b[p + 5] & 0xffL) << 40
                | (b[p + 6] & 0xffL) << 48 | (b[p + 7] & 0xffL) << 56;
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
