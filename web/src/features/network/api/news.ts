import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateNewsRequest, NewsletterCampaignResponse, NewsResponse, NewsResponsePaged } from '../../../api/generated';
import { useApiClients } from '../../../lib/api-context';
import { versionETag } from '../../../lib/etag';
import { textIn } from '../../../lib/bilingual';
import type { Language } from '../../../lib/i18n';
import { toProblem } from '../../../lib/problem-details';

export const newsKeys = {
  all: () => ['network', 'news'] as const,
  list: (page: number, pageSize: number) => [...newsKeys.all(), 'list', page, pageSize] as const,
  item: (id: string) => [...newsKeys.all(), 'detail', id] as const,
};

/** One page of the network's news, newest first (the office also sees its scheduled items). */
export function useNewsList(page: number, pageSize: number) {
  const { network } = useApiClients();
  return useQuery<NewsResponsePaged>({
    queryKey: newsKeys.list(page, pageSize),
    queryFn: ({ signal }) => network.listNews(page, pageSize, signal),
    placeholderData: keepPreviousData,
  });
}

export function useNewsItem(id: string, enabled: boolean = true) {
  const { network } = useApiClients();
  return useQuery<NewsResponse>({
    queryKey: newsKeys.item(id),
    enabled,
    queryFn: ({ signal }) => network.getNews(id, signal),
    refetchOnWindowFocus: false,
  });
}

function useStored() {
  const queryClient = useQueryClient();
  return async (news: NewsResponse) => {
    queryClient.setQueryData(newsKeys.item(news.id), news);
    await queryClient.invalidateQueries({ queryKey: [...newsKeys.all(), 'list'] });
  };
}

export function useCreateNews() {
  const { network } = useApiClients();
  const stored = useStored();
  return useMutation<NewsResponse, unknown, CreateNewsRequest>({
    mutationFn: (body) => network.createNews(body),
    onSuccess: stored,
  });
}

export interface UpdateNewsVariables {
  id: string;
  version: number;
  body: CreateNewsRequest;
}

/** Changes an item from the version shown (If-Match); on 412, 404 or 409 it is read again. */
export function useUpdateNews() {
  const { network } = useApiClients();
  const stored = useStored();
  const queryClient = useQueryClient();
  return useMutation<NewsResponse, unknown, UpdateNewsVariables>({
    mutationFn: ({ id, version, body }) => network.updateNews(id, versionETag(version), body),
    onSuccess: stored,
    onError: async (error, { id }) => {
      const kind = toProblem(error).kind;
      if (kind === 'precondition-failed' || kind === 'not-found' || kind === 'conflict') {
        await queryClient.invalidateQueries({ queryKey: newsKeys.item(id) });
      }
    },
  });
}

export function useArchiveNews() {
  const { network } = useApiClients();
  const stored = useStored();
  return useMutation<NewsResponse, unknown, string>({
    mutationFn: (id) => network.archiveNews(id),
    onSuccess: stored,
  });
}

/** Where the newsletters' campaign editor opens a draft (Newsletters' page; the network only links to it). */

/** Why a news item could not be passed on before anything was sent: the department has no mailing topic of its own. */
export class NoDepartmentTopicError extends Error {
  constructor() {
    super('The department has no active topic for its own mailings.');
    this.name = 'NoDepartmentTopicError';
  }
}

export interface PassOnVariables {
  news: NewsResponse;
  /** The department's id (one of the coordinator's). */
  departmentId: string;
  /** The page's language: the campaign's name is the title in it. */
  language: Language;
}

/**
 * "Pass on to my members": a draft campaign of Newsletters (its existing `newsletters_createCampaign`) for the
 * department, on the department's own topic (the topic of kind `department` with its id, as the campaign editor offers
 * it), with the news item's titles as subjects and its texts as bodies. The caller opens the campaign editor with it.
 */
export function usePassOnNews() {
  const { newsletters } = useApiClients();
  return useMutation<NewsletterCampaignResponse, unknown, PassOnVariables>({
    mutationFn: async ({ news, departmentId, language }) => {
      const topics = await newsletters.listTopics(undefined);
      const topic = topics.find((t) => t.kind === 'department' && t.departmentId === departmentId && t.active !== false);
      if (!topic) throw new NoDepartmentTopicError();
      return newsletters.createCampaign({
        name: textIn(news.titleSv, news.titleEn, language).slice(0, 200),
        departmentId,
        topicId: topic.id,
        subjectSv: news.titleSv ?? undefined,
        subjectEn: news.titleEn ?? undefined,
        bodySv: news.bodySv ?? undefined,
        bodyEn: news.bodyEn ?? undefined,
      });
    },
  });
}
