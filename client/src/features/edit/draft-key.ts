/**
 * Where an unsaved edit is kept on the device while it is typed: a tablet that goes to
 * sleep, a closed tab or a reload loses nothing. Shared by the reading pages (to reopen an
 * editor that has a draft) and the editing chunk (which writes it).
 */
export const draftKey = (typename: string, id: string) => `uppfoljning.utkast.${typename}.${id}`;

export const hasDraft = (typename: string, id: string) => {
  try {
    return localStorage.getItem(draftKey(typename, id)) !== null;
  } catch {
    return false;
  }
};
