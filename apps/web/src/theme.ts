import { createTheme, Drawer, Modal } from '@mantine/core';
import classes from './theme.module.css';

export const theme = createTheme({
  primaryColor: 'cyan',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  components: {
    Modal: Modal.extend({ classNames: { root: classes.modalRoot, content: classes.modalContent } }),
    Drawer: Drawer.extend({ classNames: { root: classes.drawerRoot } }),
  },
});
