/**
 * Korean says "as soon as" with the ending -자마자 on a verb: 실행하자마자 꺼져요 (it stops as soon as
 * it runs), 켜자마자 (right after starting). The ending means what 바로 (right away) means, and is read
 * as the verb followed by 바로: "컨테이너 실행하자마자 꺼짐" asks why a container exits right away,
 * not how to stop one.
 */
const AS_SOON_AS = /(?<=[\uac00-\ud7a3])자마자/gu;

/** The text with each -자마자 read as the verb before it and 바로. */
export const withAsSoonAs = (text: string): string => (text.includes('자마자') ? text.replace(AS_SOON_AS, ' 바로') : text);
