import type { Decorator, Preview } from '@storybook/react-vite';
import { OffboardProvider, es } from '@offboard/react';
import '@offboard/react/styles.css';
import type { OffboardLoaded } from '../stories/support/offboardLoader';
import type { OffboardStoryParameters, ScenarioArgs } from '../stories/support/offboardParameters';
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
        requireReason={(context.parameters.offboard as OffboardStoryParameters | undefined)?.policy?.requireReason ?? false}
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
    // The canvas pads itself and paints the theme's page colour edge to edge.
    layout: 'fullscreen',
    controls: { expanded: true },
    // The two sizes every story is reviewed (and screenshotted) at, and the narrowest supported.
    viewport: {
      options: {
        mobile: { name: 'Mobile 390×844', styles: { width: '390px', height: '844px' }, type: 'mobile' },
        narrow: { name: 'Narrowest 320×640', styles: { width: '320px', height: '640px' }, type: 'mobile' },
        desktop: { name: 'Desktop 1280×800', styles: { width: '1280px', height: '800px' }, type: 'desktop' },
      },
    },
    // The Theme toolbar paints the canvas (`.sb-offboard-canvas`); the backgrounds tool would only disagree with it.
    backgrounds: { disable: true },
  },
  tags: ['autodocs'],
};

export default preview;
