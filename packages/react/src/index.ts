// Provider, context and translations
export { OffboardProvider, type OffboardProviderProps } from './provider/OffboardProvider';
export { useMessages, useOffboard, type OffboardContextValue, type OffboardTheme } from './provider/OffboardContext';
export { createOffboardQueryClient } from './provider/createOffboardQueryClient';
export { en } from './i18n/en';
export { es } from './i18n/es';
export { resolveCatalog, type Catalog, type MessageKey } from './i18n/catalog';
export { formatMessage } from './i18n/formatMessage';
export type { Explainable, Translator } from './i18n/createTranslator';
export type { Message, MessageValues, PluralMessage } from './i18n/message';

// Query keys
export { AFFECTED_KEYS, offboardKeys, type ChangeKind } from './queries/queryKeys';

// Components
export { UserActionsMenu, type UserActionsMenuProps } from './components/UserActionsMenu/UserActionsMenu';
export { ManageLicenseDialog, type ManageLicenseDialogProps } from './components/ManageLicenseDialog/ManageLicenseDialog';
export { ReassignContactsWizard, type ReassignContactsWizardProps } from './components/ReassignContactsWizard/ReassignContactsWizard';
export { UsersScreen, type UsersScreenProps } from './components/UsersScreen/UsersScreen';
export { OffboardingChecklist, type OffboardingChecklistProps } from './components/OffboardingChecklist/OffboardingChecklist';
export { TransferableTasks, type TransferableTasksProps } from './components/TransferableTasks/TransferableTasks';
export { OrphanedContactsNotice, type OrphanedContactsNoticeProps } from './components/OrphanedContactsNotice/OrphanedContactsNotice';
