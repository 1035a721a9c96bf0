import type { Decorator, Preview } from '@storybook/react-vite';
import { OffboardProvider, es } from '@offboard/react';
import '@offboard/react/styles.css';
import type { OffboardLoaded } from '../stories/support/offboardLoader';
import type { ScenarioArgs } from '../stories/support/offboardParameters';
import { createOffboardLoader } from '../stories/support/offboardLoader';
import './preview.css';

/** Every story runs inside the provider, signed in as its caller, against its own backend, in the toolbar's locale and theme. */
const withOffboard: Decorator = (Story, context) => {
  const loaded = context.loaded as OffboardLoaded;
  const args = context.args as ScenarioArgs;
  // A scenario story's controls win over the toolbar, so designers can switch from the panel too.
  const theme = (args.theme ?? context.globals.theme) === 'dark' ? 'dark' : 'light';
  const locale = args.locale ?? context.globals.locale ?? 'en';
  return (
    <div className="sb-offboard-canvas" data-theme={theme}>
      <OffboardProvider
        key={context.id}
        adapter={loaded.adapter}
        currentUserId={loaded.caller.actorId}
        organisationId={loaded.caller.organisationId}
        callerKind={loaded.caller.kind}
        locale={locale}
        messages={locale === 'es' ? es : undefined}
        theme={theme}
      >
        <Story />
      </OffboardProvider>
    </div>
  );
};

const preview: Preview = {
  loaders: [createOffboardLoader() as never],
  decorators: [withOffboard],
  globalTypes: {
    locale: {
      description: 'Language of the kit',
      toolbar: { title: 'Locale', icon: 'globe', items: [{ value: 'en', title: 'English' }, { value: 'es', title: 'Español' }], dynamicTitle: true },
    },
    theme: {
      description: 'Colour scheme of the stylesheet',
      toolbar: { title: 'Theme', icon: 'mirror', items: [{ value: 'light', title: 'Light' }, { value: 'dark', title: 'Dark' }], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  tags: ['autodocs'],
};

export default preview;
