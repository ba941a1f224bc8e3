import { Container } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useConfig } from '../../app/config-context';
import { finishCognitoLogin } from '../../auth/login';
import { ProblemAlert } from '../../components/problem';
import { Loading } from '../../components/query-state';

/** Cognito's hosted UI returns here with a code. */
export default function CallbackPage() {
  const config = useConfig();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const once = useRef(false);
  useEffect(() => {
    if (once.current || !config.cognito) return;
    once.current = true;
    finishCognitoLogin(config.cognito, new URLSearchParams(location.search))
      .then((next) => navigate(next, { replace: true }))
      .catch(setError);
  }, [config, navigate]);
  return <Container py="xl">{error ? <ProblemAlert error={error} /> : <Loading />}</Container>;
}
