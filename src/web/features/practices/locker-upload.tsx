import { Anchor, Group, Input } from '@mantine/core';
import { useState } from 'react';
import { LockerUploadButton } from './locker-upload-button';

/** Upload one document into a body's evidence locker and keep its id (an MoU, proof that it runs). */
export function LockerUpload(props: {
  orgCode: string;
  label: string;
  button: string;
  value: string;
  onChange: (id: string) => void;
  error?: string;
}) {
  const [name, setName] = useState('');
  return (
    <Input.Wrapper label={props.label} error={props.error}>
      <Group gap="xs" mt={4}>
        <LockerUploadButton
          orgCode={props.orgCode}
          label={props.button}
          testId="upload-move-file"
          onUploaded={(file) => {
            setName(file.name);
            props.onChange(file.id);
          }}
        />
        {props.value && name && (
          <Anchor href={`/api/v1/evidence/${props.value}/download`} size="sm" data-testid="move-file">
            {name}
          </Anchor>
        )}
      </Group>
    </Input.Wrapper>
  );
}
