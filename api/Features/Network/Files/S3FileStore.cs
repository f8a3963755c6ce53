using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Alumni.Api.Features.Network.Files;

/// <summary>
/// The content as objects in an S3-compatible bucket (<c>Network:Files:S3</c>: the service's address, the bucket, the
/// access key and secret, the region it signs for; path-style addressing for MinIO-like stores). Uploads are signed
/// whole (no chunked encoding, checksums only where the service requires them), which every S3-compatible store takes.
/// </summary>
public sealed class S3FileStore : IFileStore, IDisposable
{
    public const string StoreName = "s3";

    private readonly AmazonS3Client client;
    private readonly S3FileStoreOptions options;

    public S3FileStore(IOptions<ToolkitFileOptions> configured)
    {
        options = configured.Value.S3;
        if (string.IsNullOrWhiteSpace(options.ServiceUrl) || string.IsNullOrWhiteSpace(options.Bucket)
            || string.IsNullOrWhiteSpace(options.AccessKey) || string.IsNullOrWhiteSpace(options.SecretKey))
        {
            throw new InvalidOperationException("The S3 store needs Network:Files:S3:ServiceUrl, Bucket, AccessKey and SecretKey.");
        }

        client = new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), new AmazonS3Config
        {
            ServiceURL = options.ServiceUrl,
            AuthenticationRegion = options.Region,
            ForcePathStyle = options.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 2,
        });
    }

    public string Name => StoreName;

    private string ObjectKey(string key) =>
        FileKeys.IsValid(key) ? (options.KeyPrefix ?? "") + key : throw new ArgumentException("Not a file key the network makes.", nameof(key));

    public async Task PutAsync(string key, Stream content, CancellationToken ct)
    {
        content.Position = 0;
        await client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Bucket,
            Key = ObjectKey(key),
            InputStream = content,
            AutoCloseStream = false,
            UseChunkEncoding = false,
            ContentType = "application/octet-stream",
        }, ct);
    }

    public async Task<Stream?> OpenAsync(string key, CancellationToken ct)
    {
        try
        {
            var response = await client.GetObjectAsync(new GetObjectRequest { BucketName = options.Bucket, Key = ObjectKey(key) }, ct);
            return new ResponseStream(response);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken ct) =>
        await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = options.Bucket, Key = ObjectKey(key) }, ct);

    public void Dispose() => client.Dispose();

    /// <summary>The object's body, which disposes the response (and so its connection) with it.</summary>
    private sealed class ResponseStream(GetObjectResponse response) : Stream
    {
        private readonly Stream inner = response.ResponseStream;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                response.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
