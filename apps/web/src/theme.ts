import {
  ActionIcon,
  Button,
  CloseButton,
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  Drawer,
  type MantineColorsTuple,
  Modal,
  NavLink,
} from '@mantine/core';
import classes from './theme.module.css';

/** A palette whose darkest shade is replaced by one that reads on white and on its own tint. */
const deepened = (color: keyof typeof DEFAULT_THEME.colors, darkest: string) =>
  [...DEFAULT_THEME.colors[color].slice(0, 9), darkest] as unknown as MantineColorsTuple;

export const theme = createTheme({
  primaryColor: 'cyan',
  // WCAG AA (4.5:1) for text on white and on the light tints of badges and alerts: Mantine's
  // default shade 6 gives cyan text on white 2.8:1. Shade 9 passes for every colour used,
  // with the few that still did not darkened a little (checked by axe in the browser tests).
  primaryShade: { light: 9, dark: 8 },
  colors: {
    red: deepened('red', '#c12828'),
    teal: deepened('teal', '#077554'),
    orange: deepened('orange', '#b83d0d'),
    yellow: deepened('yellow', '#9f5200'),
    green: deepened('green', '#257535'),
    lime: deepened('lime', '#48740a'),
  },
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    Modal: Modal.extend({ classNames: { root: classes.modalRoot, content: classes.modalContent } }),
    Drawer: Drawer.extend({ classNames: { root: classes.drawerRoot } }),
    Button: Button.extend({ classNames: { root: classes.touchTarget } }),
    NavLink: NavLink.extend({ classNames: { root: classes.touchTarget } }),
    ActionIcon: ActionIcon.extend({ classNames: { root: classes.touchIcon } }),
    CloseButton: CloseButton.extend({ classNames: { root: classes.touchIcon } }),
    // A region that scrolls sideways (a wide table on a phone) must be reachable by keyboard.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
  },
});

/** Dimmed text at 5.2:1 on white and on the grey of striped rows (Mantine's is 3.3:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5f666d' },
  dark: {},
});
