// Provider, context and translations
export { OffboardProvider, type OffboardProviderProps } from './provider/OffboardProvider';
export { useMessages, useOffboard, type OffboardContextValue, type OffboardTheme } from './provider/OffboardContext';
export { createOffboardQueryClient } from './provider/createOffboardQueryClient';
// The words live in the core (`@offboard/core/i18n`); the catalogs and types are here too, for hosts.
export { en, es, formatMessage, resolveCatalog, type Catalog, type Explainable, type Message, type MessageKey, type MessageValues, type PluralMessage, type Text, type Translator } from '@offboard/core/i18n';

// Query keys
export { RECORD_KEYS, offboardKeys } from './queries/queryKeys';

// Components
export { UserActionsMenu, type UserActionsMenuProps } from './components/UserActionsMenu/UserActionsMenu';
export { ManageLicenseDialog, type ManageLicenseDialogProps } from './components/ManageLicenseDialog/ManageLicenseDialog';
export { ReassignContactsWizard, type ReassignContactsWizardProps } from './components/ReassignContactsWizard/ReassignContactsWizard';
export { UsersScreen, type UsersScreenProps } from './components/UsersScreen/UsersScreen';
export { OffboardingChecklist, type OffboardingChecklistProps } from './components/OffboardingChecklist/OffboardingChecklist';
export { TransferableTasks, type TransferableTasksProps } from './components/TransferableTasks/TransferableTasks';
export { OrphanedContactsNotice, type OrphanedContactsNoticeProps } from './components/OrphanedContactsNotice/OrphanedContactsNotice';
