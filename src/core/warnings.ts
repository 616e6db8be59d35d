// The SDK's warnings, word for word, so the CLI and the SDK say the same thing.

export const OAUTH_WARNING = `Sharing your personal OAuth token is not safe,
and gives anyone access to your cloud infrastructure and data.

Use YandexCloudCLIAuth for personal authentication,
MetadataAuth when running your code inside Yandex Cloud infrastructure or
APIKeyAuth for external-hosted automations.

Please, follow our guide if your OAuth-token is leaked
(https://yandex.cloud/en/docs/iam/operations/compromised-credentials)
`;

export const IAM_FORMAT_WARNING =
  "auth argument was classified as IAM token but it doesn't match IAM token format; " +
  'in case of any troubles you could create Auth object directly.';
