import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NetworkClient, type ToolkitFileResponse } from '../../../api/generated';
import { API_BASE_URL } from '../../../lib/api-client';
import { createApiFetch } from '../../../lib/api-fetch';
import { currentLanguage } from '../../../lib/i18n';

export const toolkitFileKeys = {
  all: ['network', 'toolkit', 'files'] as const,
  item: (itemId: string) => [...toolkitFileKeys.all, itemId] as const,
};

/** Where a toolkit file downloads from (a plain link: the browser streams it, as an attachment). */
export function toolkitFileUrl(itemId: string, fileId: string): string {
  return `${API_BASE_URL}/api/network/toolkit/items/${encodeURIComponent(itemId)}/files/${encodeURIComponent(fileId)}`;
}

/**
 * The network's generated client over the app's fetch wrapper (same-origin session, the UI language, the
 * anti-forgery header on writes). The app's shared clients do not hold the network's yet.
 */
function useNetworkClient(): NetworkClient {
  const { i18n } = useTranslation();
  return useMemo(() => new NetworkClient(API_BASE_URL, createApiFetch({ language: () => currentLanguage(i18n) })), [i18n]);
}

/** A toolkit item's files, oldest first. */
export function useToolkitFiles(itemId: string) {
  const network = useNetworkClient();
  return useQuery<ToolkitFileResponse[]>({
    queryKey: toolkitFileKeys.item(itemId),
    queryFn: ({ signal }) => network.listToolkitFiles(itemId, signal),
  });
}

/** Uploads one file (multipart, the field `file`); the server finds its type in the content. */
export function useAddToolkitFile(itemId: string) {
  const network = useNetworkClient();
  const queryClient = useQueryClient();
  return useMutation<ToolkitFileResponse, unknown, File>({
    mutationFn: (file) => network.addToolkitFile(itemId, { data: file, fileName: file.name }),
    onSuccess: (added) => {
      queryClient.setQueryData<ToolkitFileResponse[]>(toolkitFileKeys.item(itemId), (files) =>
        files ? [...files.filter((f) => f.id !== added.id), added] : files,
      );
      void queryClient.invalidateQueries({ queryKey: toolkitFileKeys.item(itemId) });
    },
  });
}

/** Removes a file (its content is deleted). */
export function useRemoveToolkitFile(itemId: string) {
  const network = useNetworkClient();
  const queryClient = useQueryClient();
  return useMutation<void, unknown, ToolkitFileResponse>({
    mutationFn: (file) => network.removeToolkitFile(itemId, file.id),
    onSuccess: (_, removed) => {
      queryClient.setQueryData<ToolkitFileResponse[]>(toolkitFileKeys.item(itemId), (files) => files?.filter((f) => f.id !== removed.id));
      void queryClient.invalidateQueries({ queryKey: toolkitFileKeys.item(itemId) });
    },
  });
}

/** The key under `network.files.types` for a content type the server found. */
export type FileTypeKey = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'docx' | 'xlsx' | 'pptx' | 'ppsx' | 'other';

export function fileTypeKey(contentType: string): FileTypeKey {
  switch (contentType) {
    case 'application/pdf':
      return 'pdf';
    case 'image/png':
      return 'png';
    case 'image/jpeg':
      return 'jpeg';
    case 'image/gif':
      return 'gif';
    case 'image/webp':
      return 'webp';
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return 'docx';
    case 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet':
      return 'xlsx';
    case 'application/vnd.openxmlformats-officedocument.presentationml.presentation':
      return 'pptx';
    case 'application/vnd.openxmlformats-officedocument.presentationml.slideshow':
      return 'ppsx';
    default:
      return 'other';
  }
}

/** A size as the list shows it: bytes below 1 kB, then kB, then MB (one decimal), in the UI's language. */
export function fileSizeParts(bytes: number): { unit: 'bytes' | 'kb' | 'mb'; value: number } {
  if (bytes < 1000) return { unit: 'bytes', value: bytes };
  if (bytes < 1000 * 1000) return { unit: 'kb', value: Math.round(bytes / 100) / 10 };
  return { unit: 'mb', value: Math.round(bytes / 100_000) / 10 };
}
