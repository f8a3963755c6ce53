import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CampaignResponse,
  CreateToolkitItemRequest,
  FilledToolkitItemResponse,
  NewsletterCampaignResponse,
  ToolkitItemKind,
  ToolkitItemResponse,
  ToolkitItemSummaryPaged,
  ToolkitItemVersionResponse,
  ToolkitItemVersionSummary,
} from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { toProblem } from '../../../lib/problem-details';

export interface ToolkitListQuery {
  q?: string;
  kind?: ToolkitItemKind;
  tag?: string;
  changedSince?: string;
  archived?: boolean;
  page: number;
  pageSize: number;
}

/** TanStack Query keys of the toolkit; everything under `toolkit` is read again together after a change. */
export const toolkitKeys = {
  all: ['network', 'toolkit'] as const,
  lists: () => [...toolkitKeys.all, 'list'] as const,
  list: (query: ToolkitListQuery) => [...toolkitKeys.lists(), query] as const,
  item: (id: string) => [...toolkitKeys.all, 'item', id] as const,
  versions: (id: string) => [...toolkitKeys.item(id), 'versions'] as const,
  version: (id: string, number: number) => [...toolkitKeys.item(id), 'version', number] as const,
  filled: (id: string, department: string) => [...toolkitKeys.item(id), 'filled', department] as const,
};

/** One page of the toolkit, latest change first. */
export function useToolkitItems(query: ToolkitListQuery) {
  const { network } = useApiClients();
  return useQuery<ToolkitItemSummaryPaged>({
    queryKey: toolkitKeys.list(query),
    queryFn: ({ signal }) =>
      network.listToolkitItems(query.q, query.kind, query.tag, query.changedSince, query.archived, query.page, query.pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

/** One item with its current version's texts (placeholders as written) and its version for If-Match. */
export function useToolkitItem(id: string, enabled: boolean = true) {
  const { network } = useApiClients();
  return useQuery<ToolkitItemResponse>({
    queryKey: toolkitKeys.item(id),
    enabled,
    queryFn: ({ signal }) => network.getToolkitItem(id, signal),
  });
}

/** The item's history, newest first. */
export function useToolkitVersions(id: string, enabled: boolean = true) {
  const { network } = useApiClients();
  return useQuery<ToolkitItemVersionSummary[]>({
    queryKey: toolkitKeys.versions(id),
    enabled,
    queryFn: ({ signal }) => network.listToolkitItemVersions(id, signal),
  });
}

/** An old version, whole (read when it is opened). */
export function useToolkitVersion(id: string, number: number | null) {
  const { network } = useApiClients();
  return useQuery<ToolkitItemVersionResponse>({
    queryKey: toolkitKeys.version(id, number ?? 0),
    enabled: number !== null,
    queryFn: ({ signal }) => network.getToolkitItemVersion(id, number!, signal),
  });
}

/** The current texts filled for a department (its code; '' for the reader's first). */
export function useFilledToolkitItem(id: string, department: string, enabled: boolean = true) {
  const { network } = useApiClients();
  return useQuery<FilledToolkitItemResponse>({
    queryKey: toolkitKeys.filled(id, department),
    enabled,
    queryFn: ({ signal }) => network.getFilledToolkitItem(id, department || undefined, signal),
    placeholderData: keepPreviousData,
  });
}

function useStoreItem() {
  const queryClient = useQueryClient();
  return async (item: ToolkitItemResponse) => {
    queryClient.setQueryData(toolkitKeys.item(item.id), item);
    await queryClient.invalidateQueries({ queryKey: toolkitKeys.all, predicate: (q) => !(q.queryKey[2] === 'item' && q.queryKey.length === 4) });
  };
}

/** On 412 (someone else made a version first), 409 or 404 the item is read again. */
function useReloadOnStale() {
  const queryClient = useQueryClient();
  return async (error: unknown, id: string | undefined) => {
    const kind = toProblem(error).kind;
    if (id && (kind === 'precondition-failed' || kind === 'not-found' || kind === 'conflict')) {
      await queryClient.invalidateQueries({ queryKey: toolkitKeys.item(id) });
    }
  };
}

export interface SaveToolkitItemVariables {
  /** None: a new item. */
  id?: string;
  version?: number;
  body: CreateToolkitItemRequest;
  /** What changed (a change only). */
  changeNote?: string;
}

/** Creates an item, or makes the next version of one from the version the editor started from (If-Match). */
export function useSaveToolkitItem() {
  const { network } = useApiClients();
  const store = useStoreItem();
  const reload = useReloadOnStale();
  return useMutation<ToolkitItemResponse, unknown, SaveToolkitItemVariables>({
    mutationFn: ({ id, version, body, changeNote }) =>
      id === undefined
        ? network.createToolkitItem(body)
        : network.updateToolkitItem(id, versionETag(version ?? 0), { ...body, changeNote: changeNote ?? '' }),
    onSuccess: store,
    onError: (error, { id }) => reload(error, id),
  });
}

/** Archives an item (`archive: true`) or brings it back. */
export function useArchiveToolkitItem() {
  const { network } = useApiClients();
  const store = useStoreItem();
  const reload = useReloadOnStale();
  return useMutation<ToolkitItemResponse, unknown, { id: string; version: number; archive: boolean }>({
    mutationFn: ({ id, version, archive }) =>
      archive ? network.archiveToolkitItem(id, versionETag(version)) : network.unarchiveToolkitItem(id, versionETag(version)),
    onSuccess: store,
    onError: (error, { id }) => reload(error, id),
  });
}

/** Thrown when the department has no active newsletter topic of its own to send a draft to. */
export class NoDepartmentTopicError extends Error {
  constructor() {
    super('The department has no active newsletter topic.');
    this.name = 'NoDepartmentTopicError';
  }
}

/**
 * "Use as a draft mailing": a draft campaign of Newsletters (its own endpoint) for the filled texts' department, to
 * the department's own topic, with the title as subject and the body as body in each language.
 */
export function useCreateDraftMailing() {
  const { newsletters } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<NewsletterCampaignResponse, unknown, { filled: FilledToolkitItemResponse; name: string }>({
    mutationFn: async ({ filled, name }) => {
      const topics = await newsletters.listTopics(false);
      const topic = topics.find((t) => t.kind === 'department' && t.departmentId === filled.department.id && t.active);
      if (!topic) throw new NoDepartmentTopicError();
      return newsletters.createCampaign({
        name,
        departmentId: filled.department.id,
        topicId: topic.id,
        subjectSv: filled.titleSv ?? undefined,
        subjectEn: filled.titleEn ?? undefined,
        bodySv: filled.bodySv ?? undefined,
        bodyEn: filled.bodyEn ?? undefined,
      });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['newsletters'] }),
  });
}

/** "Use as a recruitment campaign": a recruitment link of Members (its own endpoint) for the department, labelled and with a channel. */
export function useCreateRecruitmentCampaign() {
  const { members } = useApiClients();
  const queryClient = useQueryClient();
  return useMutation<CampaignResponse, unknown, { departmentCode: string; channel: string; label: string }>({
    mutationFn: (body) => members.createCampaign(body),
    onSuccess: (_campaign, { departmentCode }) => queryClient.invalidateQueries({ queryKey: toolkitKeys.all, predicate: (q) => q.queryKey.includes(departmentCode) }),
  });
}
