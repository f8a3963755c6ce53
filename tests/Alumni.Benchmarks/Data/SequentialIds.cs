namespace Alumni.Benchmarks.Data;

/// <summary>
/// Version-7 UUIDs for one instant that still sort in the order they are made (the random bits replaced by a counter
/// from a random start), so rows keyed by them go to the end of their B-tree instead of anywhere in it.
/// </summary>
public sealed class SequentialIds(DateTimeOffset at, int seed = 1)
{
    private readonly long milliseconds = at.ToUnixTimeMilliseconds();
    private long counter = new Random(seed).NextInt64(1L << 40);

    public string Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        var ms = milliseconds;
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)(ms & 0xff);
            ms >>= 8;
        }

        bytes[6] = 0x70;
        bytes[7] = 0x00;
        var value = counter++;
        for (var i = 15; i >= 8; i--)
        {
            bytes[i] = (byte)(value & 0xff);
            value >>= 8;
        }

        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3f));
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
