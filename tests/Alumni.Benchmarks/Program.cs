using System.Globalization;
using Alumni.Benchmarks;
using Alumni.Benchmarks.Data;
using Alumni.Benchmarks.Generation;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var options = Options.Parse(args.Skip(1));
try
{
    switch (args.FirstOrDefault())
    {
        case "csv" when options.Operands.Count == 2:
        {
            var result = ImportCsv.Write(options.Operands[0], Options.Count(options.Operands[1]), options.Int("seed", 42));
            Console.WriteLine($"Wrote {result.Rows:N0} rows ({result.Members:N0} members, {result.Bytes / 1e6:N1} MB) to {Path.GetFullPath(result.Path)} "
                + $"in {result.Elapsed.TotalSeconds:N1} s: {result.RowsPerSecond:N0} rows/s");
            return 0;
        }

        case "seed" when options.Operands.Count == 2:
        {
            var result = await Seeder.SeedAsync(options.Operands[0], Options.Count(options.Operands[1]), options.Int("seed", 42), Console.WriteLine);
            Console.WriteLine(result.Summary());
            return 0;
        }

        case "raw-insert" when options.Operands.Count == 2:
        {
            var cacheMib = options.Int("cache-mib", RawInsert.LargeCacheKib / 1024);
            var result = await RawInsert.RunAsync(options.Operands[0], options.Operands[1], cacheMib == 0 ? null : cacheMib * 1024);
            Console.WriteLine($"Inserted {result.Rows:N0} rows ({result.Members:N0} members) in {result.Seconds:N1} s: {result.RowsPerSecond:N0} rows/s");
            return 0;
        }

        case "bench-search":
            return await SearchBenchmark.RunAsync(options);

        case "bench-import":
            return await ImportBenchmark.RunAsync(options);

        case "bench-registration":
            return await RegistrationBenchmark.RunAsync(options);

        case "bench-newsletter":
            return await NewsletterBenchmark.RunAsync(options);

        case "report-newsletter" when options.Operands.Count == 2:
            PerformanceReport.WriteNewsletter(options.Operands[0], options.Operands[1]);
            return 0;

        case "report" when options.Operands.Count == 2:
            PerformanceReport.Write(options.Operands[0], options.Operands[1]);
            return 0;

        default:
            Console.Error.WriteLine(Options.Usage);
            return args.FirstOrDefault() is null or "help" or "--help" ? 0 : 2;
    }
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}
