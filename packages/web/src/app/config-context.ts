import { createContext, useContext } from 'react';
import type { AppConfig } from '../auth/config';

export const ConfigContext = createContext<AppConfig>({ apiUrl: '', cognito: null });
export const useConfig = () => useContext(ConfigContext);
