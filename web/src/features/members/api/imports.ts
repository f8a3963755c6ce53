import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MembersClient, type ImportJobResponse, type ImportSummaryPaged } from '../../../api/generated';
import { API_BASE_URL } from '../../../lib/api-client';
import { useApiClients } from '../../../lib/api-context';
import { createApiFetch } from '../../../lib/api-fetch';
import { currentLanguage } from '../../../lib/i18n';
import { firstRejections, importContentType, importFileName, type Rejection } from '../imports';

export const importKeys = {
  all: ['members', 'imports'] as const,
  list: (page: number) => [...importKeys.all, 'list', page] as const,
  job: (id: string) => [...importKeys.all, 'job', id] as const,
  rejections: (id: string) => [...importKeys.all, 'job', id, 'rejections'] as const,
};

/** How often a running import is asked for its progress. */
export const IMPORT_POLL_MS = 1000;

export const IMPORTS_PAGE_SIZE = 25;

/** Where the rejected rows of an import download from (a plain link: the browser streams the file). */
export function rejectedRowsUrl(id: string): string {
  return `${API_BASE_URL}/api/members/imports/${encodeURIComponent(id)}/rejected`;
}

export function isFinished(job: Pick<ImportJobResponse, 'status'> | undefined): boolean {
  return job?.status === 'succeeded' || job?.status === 'failed';
}

/** The past imports, newest first: read whenever the list is shown, and every second while one of them runs. */
export function useImports(page: number) {
  const { members } = useApiClients();
  return useQuery<ImportSummaryPaged>({
    queryKey: importKeys.list(page),
    queryFn: ({ signal }) => members.listImports(page, IMPORTS_PAGE_SIZE, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.items.some((item) => !isFinished(item)) ? IMPORT_POLL_MS : false),
  });
}

/** One import, asked again every second while it is queued or running. */
export function useImportJob(id: string | undefined) {
  const { members } = useApiClients();
  return useQuery<ImportJobResponse>({
    queryKey: importKeys.job(id ?? ''),
    queryFn: ({ signal }) => members.getImport(id!, signal),
    enabled: !!id,
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : IMPORT_POLL_MS),
    staleTime: 0,
  });
}

/** The first rejected rows of a finished import (the whole file is a download). */
export function useFirstRejections(id: string, enabled: boolean) {
  const { i18n } = useTranslation();
  return useQuery<Rejection[]>({
    queryKey: importKeys.rejections(id),
    enabled,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const http = createApiFetch({ language: () => currentLanguage(i18n) });
      const response = await http.fetch(rejectedRowsUrl(id), { headers: { Accept: 'text/csv' }, signal });
      if (!response.ok) throw new Error(`The rejected rows answered ${response.status}.`);
      return firstRejections(await response.text());
    },
  });
}

export interface StartImportVariables {
  file: File;
  dryRun: boolean;
  /** Sent as Idempotency-Key: the same key again answers the first job instead of importing twice. */
  idempotencyKey?: string;
}

/**
 * Uploads the file through the generated client. Its upload method sends a text body as JSON, so the
 * client is given a fetch that puts the file itself in the body, with the content type its name says.
 */
export function useStartImport() {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  return useMutation<ImportJobResponse, unknown, StartImportVariables>({
    mutationFn: ({ file, dryRun, idempotencyKey }) => {
      const http = createApiFetch({ language: () => currentLanguage(i18n) });
      const client = new MembersClient(API_BASE_URL, {
        fetch: (url, init) => {
          const headers = new Headers(init?.headers);
          headers.set('Content-Type', importContentType(file.name));
          if (idempotencyKey) headers.set('Idempotency-Key', idempotencyKey);
          return http.fetch(url, { ...init, headers, body: file });
        },
      });
      return client.startImport('', dryRun, importFileName(file.name));
    },
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.job(job.id), job);
      void queryClient.invalidateQueries({ queryKey: [...importKeys.all, 'list'] });
    },
  });
}
