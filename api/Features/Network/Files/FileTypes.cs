using System.IO.Compression;
using System.Xml;

namespace Alumni.Api.Features.Network.Files;

/// <summary>A type of file the toolkit can hold: its content type and the extensions its names may end in.</summary>
public sealed record FileType(string ContentType, string Extension, params string[] OtherExtensions)
{
    public bool HasExtension(string extension) =>
        string.Equals(extension, Extension, StringComparison.OrdinalIgnoreCase)
        || OtherExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// A file's type, found in its content and never taken from its name: the first bytes for PDF, PNG, JPEG, GIF and
/// WebP; for Office Open XML documents (Word, Excel, PowerPoint) a ZIP whose <c>[Content_Types].xml</c> names the
/// document's main part. The ZIP is read safely: at most <see cref="MaxZipEntries"/> entries, and only that one small
/// entry is decompressed, cut off at <see cref="MaxContentTypesBytes"/> whatever its header says. Anything else (HTML,
/// SVG with its scripts, programs, macro-enabled documents, other ZIPs) is no known type.
/// </summary>
public static class FileTypes
{
    public const int MaxZipEntries = 10_000;
    public const int MaxContentTypesBytes = 256 * 1024;

    public static readonly FileType Pdf = new("application/pdf", "pdf");
    public static readonly FileType Png = new("image/png", "png");
    public static readonly FileType Jpeg = new("image/jpeg", "jpg", "jpeg", "jpe");
    public static readonly FileType Gif = new("image/gif", "gif");
    public static readonly FileType WebP = new("image/webp", "webp");
    public static readonly FileType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");
    public static readonly FileType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    public static readonly FileType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx");
    public static readonly FileType Ppsx = new("application/vnd.openxmlformats-officedocument.presentationml.slideshow", "ppsx");

    public static readonly IReadOnlyList<FileType> All = [Pdf, Png, Jpeg, Gif, WebP, Docx, Xlsx, Pptx, Ppsx];

    /// <summary>The content type of each Office Open XML main part, and the document type it makes.</summary>
    private static readonly Dictionary<string, FileType> MainParts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"] = Docx,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"] = Xlsx,
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"] = Pptx,
        ["application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml"] = Ppsx,
    };

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif87 = "GIF87a"u8.ToArray();
    private static readonly byte[] Gif89 = "GIF89a"u8.ToArray();
    private static readonly byte[] Riff = "RIFF"u8.ToArray();
    private static readonly byte[] Webp = "WEBP"u8.ToArray();
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The type the content is, or null. The stream must be seekable; it is left open.</summary>
    public static FileType? Detect(Stream content)
    {
        Span<byte> head = stackalloc byte[16];
        content.Position = 0;
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        head = head[..read];
        content.Position = 0;
        if (head.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (head.StartsWith(PngMagic))
        {
            return Png;
        }

        if (head.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        if (head.StartsWith(Gif87) || head.StartsWith(Gif89))
        {
            return Gif;
        }

        if (head.Length >= 12 && head.StartsWith(Riff) && head[8..12].SequenceEqual(Webp))
        {
            return WebP;
        }

        return head.StartsWith(ZipMagic) ? OfficeDocument(content) : null;
    }

    /// <summary>The file type an extension names (for a name's correction), or null.</summary>
    public static FileType? ByExtension(string extension) => All.FirstOrDefault(t => t.HasExtension(extension));

    private static FileType? OfficeDocument(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxZipEntries)
            {
                return null;
            }

            var types = zip.Entries.FirstOrDefault(e => e.FullName == "[Content_Types].xml");
            if (types is null)
            {
                return null;
            }

            using var bounded = new BoundedStream(types.Open(), MaxContentTypesBytes);
            using var reader = XmlReader.Create(bounded, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxContentTypesBytes,
                IgnoreComments = true,
            });
            FileType? found = null;
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Override"
                    && reader.GetAttribute("ContentType") is { } type && MainParts.TryGetValue(type, out var document))
                {
                    if (found is not null && found != document)
                    {
                        return null;
                    }

                    found = document;
                }
            }

            return found;
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or NotSupportedException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes of the inner stream; past that it fails.</summary>
    private sealed class BoundedStream(Stream inner, long limit) : Stream
    {
        private long total;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => total; set => throw new NotSupportedException(); }
        public override void Flush() { }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, (int)Math.Min(count, limit + 1 - total));
            total += read;
            return total > limit ? throw new InvalidDataException("[Content_Types].xml is larger than a document's.") : read;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
