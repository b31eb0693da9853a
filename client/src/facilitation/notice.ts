import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** A short message in the workshop strip ("Everyone was brought to your view"), gone after a few seconds. */
export type NoticeKey = 'summoned' | 'youWereSummoned';

const NOTICE_MS = 5_000;
export const noticeStore = createStore<{ notice: NoticeKey | null }>(() => ({ notice: null }));
export const useNotice = () => useStore(noticeStore, (s) => s.notice);

let timer: ReturnType<typeof setTimeout> | undefined;
export function showNotice(notice: NoticeKey): void {
  clearTimeout(timer);
  noticeStore.setState({ notice });
  timer = setTimeout(() => noticeStore.setState({ notice: null }), NOTICE_MS);
}
